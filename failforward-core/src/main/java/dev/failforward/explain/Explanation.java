package dev.failforward.explain;

import dev.failforward.api.PublicApi;

import java.util.Comparator;
import java.util.List;

/**
 * The attributions of one row. {@code output} is the explained class ({@code null} for
 * regression); {@code scale} says what was explained ({@code margin}: the booster's raw score,
 * {@code probability}, or {@code value}); {@code baseValue} is the output expected with nothing
 * known and {@code value} the row's output, so attributions sum to about {@code value − baseValue}.
 * Attributions are per input column, largest magnitude first.
 */
@PublicApi
public record Explanation(String method, String output, String scale, double baseValue, double value,
                          List<Attribution> attributions, Fidelity fidelity) {

    public Explanation {
        attributions = attributions.stream()
                .sorted(Comparator.comparingDouble((Attribution a) -> -Math.abs(a.value())).thenComparing(Attribution::feature))
                .toList();
    }

    /** The same explanation keeping only the {@code n} largest attributions (the fidelity still describes the whole). */
    public Explanation top(int n) {
        return n >= attributions.size() ? this
                : new Explanation(method, output, scale, baseValue, value, attributions.subList(0, n), fidelity);
    }
}
