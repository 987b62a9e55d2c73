package dev.failforward.report;

import dev.failforward.explain.Explanation;
import dev.failforward.failure.Failure;
import dev.failforward.run.Run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code failforward explain} produced for a run: the explained failures with their
 * explanations (by failure id), and explanations of a sample of correct predictions to contrast
 * them with (empty when the run's data was not available).
 */
public record ExplainedRun(Run run, String method, List<Failure> failures, Map<String, Explanation> byFailure,
                           List<Explanation> correct, int topFeatures) {

    public ExplainedRun {
        failures = List.copyOf(failures);
        byFailure = Collections.unmodifiableMap(new LinkedHashMap<>(byFailure));
        correct = List.copyOf(correct);
        if (topFeatures < 1) {
            throw new IllegalArgumentException("top features must be at least 1, got " + topFeatures);
        }
    }

    /** Mean |attribution| per feature over these explanations (a feature absent from one counts as 0 there). */
    public static Map<String, Double> meanAbsolute(Iterable<Explanation> explanations) {
        Map<String, Double> sum = new LinkedHashMap<>();
        int n = 0;
        for (Explanation e : explanations) {
            n++;
            e.attributions().forEach(a -> sum.merge(a.feature(), Math.abs(a.value()), Double::sum));
        }
        int count = n;
        sum.replaceAll((k, v) -> v / count);
        return sum;
    }
}
