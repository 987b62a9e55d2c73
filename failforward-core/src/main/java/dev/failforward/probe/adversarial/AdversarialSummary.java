package dev.failforward.probe.adversarial;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the adversarial search achieved. {@code rows}: test rows; {@code correct}: those predicted right;
 * {@code attempted}: the ones searched (all correct rows, or a seeded sample of them); {@code succeeded}:
 * those with a verified example; {@code unverified}: examples the search found but re-scoring did not
 * confirm (not counted). Distances are over verified examples; evaluations over attempted rows.
 * {@code features}: how often each feature is changed in a verified example, most often first.
 */
public record AdversarialSummary(int rows, int correct, int attempted, int succeeded, int unverified, double successRate,
                                 double medianDistance, double p25Distance, double p75Distance, double p90Distance,
                                 double maxDistance, double meanEvaluations, double medianEvaluations, int maxEvaluations,
                                 int budget, Map<String, Integer> features) {

    public AdversarialSummary {
        features = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }

    static AdversarialSummary of(int rows, int correct, int[] evaluations, List<AdversarialExample> examples,
                                 int unverified, int budget) {
        double[] d = examples.stream().mapToDouble(AdversarialExample::distance).sorted().toArray();
        double[] e = Arrays.stream(evaluations).asDoubleStream().sorted().toArray();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (AdversarialExample x : examples) {
            for (String c : x.changed()) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        Map<String, Integer> ranked = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(x -> ranked.put(x.getKey(), x.getValue()));
        int attempted = evaluations.length;
        return new AdversarialSummary(rows, correct, attempted, examples.size(), unverified,
                attempted == 0 ? 0 : (double) examples.size() / attempted, quantile(d, 0.5), quantile(d, 0.25),
                quantile(d, 0.75), quantile(d, 0.9), d.length == 0 ? Double.NaN : d[d.length - 1],
                Arrays.stream(e).average().orElse(0), quantile(e, 0.5), (int) (e.length == 0 ? 0 : e[e.length - 1]),
                budget, ranked);
    }

    /** Linear-interpolated quantile of sorted values; NaN when there are none. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double at = q * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = (int) Math.ceil(at);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
    }
}
