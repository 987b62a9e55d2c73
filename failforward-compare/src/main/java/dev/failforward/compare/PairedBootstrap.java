package dev.failforward.compare;

import dev.failforward.metric.Metrics;
import dev.failforward.model.Predictions;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The paired bootstrap of metric differences: the same resampled rows are scored for both models,
 * so the interval reflects the difference, not two independent noises. Percentile intervals;
 * seeded, so the same input gives the same interval.
 */
public final class PairedBootstrap {

    /** Resamples used unless told otherwise. */
    public static final int DEFAULT_RESAMPLES = 1000;

    private PairedBootstrap() {
    }

    /** Interval bounds and the two-sided bootstrap p-value of a zero difference, per metric. */
    public record Interval(double low, double high, double pValue) {
    }

    public static Map<String, Interval> intervals(Predictions baseline, Predictions candidate, int[] labels,
                                                  double[] values, int resamples, double level, long seed) {
        int n = labels != null ? labels.length : values.length;
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, double[]> diffs = new LinkedHashMap<>();
        for (int r = 0; r < resamples; r++) {
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = random.nextInt(n);
            }
            Map<String, Double> a = metrics(baseline, labels, values, rows);
            Map<String, Double> b = metrics(candidate, labels, values, rows);
            for (Map.Entry<String, Double> e : a.entrySet()) {
                diffs.computeIfAbsent(e.getKey(), k -> new double[resamples])[r] = b.get(e.getKey()) - e.getValue();
            }
        }
        Map<String, Interval> out = new LinkedHashMap<>();
        double alpha = 1 - level;
        diffs.forEach((metric, d) -> {
            double[] finite = Arrays.stream(d).filter(Double::isFinite).sorted().toArray();
            if (finite.length == 0) {
                out.put(metric, new Interval(Double.NaN, Double.NaN, 1));
                return;
            }
            long below = Arrays.stream(finite).filter(x -> x < 0).count();
            long above = Arrays.stream(finite).filter(x -> x > 0).count();
            long zero = finite.length - below - above;
            double p = Math.min(1, 2.0 * (Math.min(below, above) + zero / 2.0 + 1) / (finite.length + 1));
            if (below == 0 && above == 0) {
                p = 1;
            }
            out.put(metric, new Interval(quantile(finite, alpha / 2), quantile(finite, 1 - alpha / 2), p));
        });
        return out;
    }

    static Map<String, Double> metrics(Predictions p, int[] labels, double[] values, int[] rows) {
        if (labels != null) {
            int k = p.classes().size();
            double[] probs = new double[rows.length * k];
            int[] truth = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(p.probabilities(), rows[i] * k, probs, i * k, k);
                truth[i] = labels[rows[i]];
            }
            return Metrics.classification(Predictions.ofProbabilities(p.classes(), probs), truth).metrics();
        }
        double[] v = new double[rows.length];
        double[] truth = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = p.value(rows[i]);
            truth[i] = values[rows[i]];
        }
        return Metrics.regression(Predictions.ofValues(v), truth).metrics();
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

}
