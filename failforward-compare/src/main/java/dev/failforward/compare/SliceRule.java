package dev.failforward.compare;

import dev.failforward.api.PublicApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * No slice of at least {@code minSize} rows may lose more than {@code maxDrop} accuracy with a
 * Benjamini–Hochberg adjusted p-value below {@code significance}. {@code minSize} is also the
 * smallest slice the search examines.
 */
@PublicApi
public record SliceRule(double maxDrop, int minSize, double significance) implements PolicyRule {

    /** Blocking slices listed one per line, at most this many. */
    static final int MAX_REASONS = 10;

    @Override
    public String name() {
        return "slices";
    }

    @Override
    public RuleResult evaluate(Comparison c) {
        String what = "no slice of at least " + minSize + " rows may lose more than " + Reasons.points(maxDrop)
                + " points of accuracy with BH-adjusted p < " + Reasons.number(significance);
        List<String> reasons = new ArrayList<>();
        List<SliceDelta> blocking = c.slices().stream()
                .filter(s -> s.size() >= minSize && -s.delta() > maxDrop && s.qValue() < significance).toList();
        for (SliceDelta s : blocking.subList(0, Math.min(MAX_REASONS, blocking.size()))) {
            reasons.add(String.format(Locale.ROOT,
                    "slice '%s' (%d rows): accuracy %.3f -> %.3f (%s points; %d rows newly wrong, %d fixed; McNemar p=%s, BH q=%s)",
                    s.description(), s.size(), s.baselineAccuracy(), s.candidateAccuracy(), Reasons.signedPoints(s.delta()),
                    s.worse(), s.better(), Reasons.p(s.pValue()), Reasons.p(s.qValue())));
        }
        if (blocking.size() > MAX_REASONS) {
            reasons.add("... and " + (blocking.size() - MAX_REASONS) + " more slices (see compare.json)");
        }
        return new RuleResult(name(), what, reasons);
    }
}
