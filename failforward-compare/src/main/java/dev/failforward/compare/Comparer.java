package dev.failforward.compare;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.Table;
import dev.failforward.metric.Metrics;
import dev.failforward.model.Predictions;
import dev.failforward.progress.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a candidate against a baseline on the same rows: every metric with its paired bootstrap
 * interval and paired test (McNemar for accuracy, DeLong for ROC AUC of binary tasks, the
 * bootstrap otherwise), the slice search, the failure diff and the flip rate. A row is a failure
 * when its class is wrong, or for regression when its absolute error exceeds the baseline's
 * 90th-percentile absolute error (one threshold for both models, so their failures are comparable).
 */
public final class Comparer {

    static final double REGRESSION_FAILURE_QUANTILE = 0.9;
    /** Slices kept in the result; all examined slices still count in the correction. */
    public static final int SLICES_KEPT = 50;
    static final double LARGEST_DROP_P = 0.05;

    private final Progress progress;

    public Comparer(Progress progress) {
        this.progress = progress;
    }

    public Comparison compare(CompareInput in, CompareSettings settings) {
        Predictions base = in.baseline().predictions();
        Predictions cand = in.candidate().predictions();
        progress.start("Bootstrapping metric differences (" + settings.resamples() + " resamples)", 1);
        Map<String, PairedBootstrap.Interval> intervals = PairedBootstrap.intervals(base, cand, in.labels(), in.values(),
                settings.resamples(), settings.level(), settings.seed());
        progress.finish();
        Map<String, Double> baseMetrics = metrics(base, in);
        Map<String, Double> candMetrics = metrics(cand, in);
        boolean[] baseFailed = failed(base, in, null);
        boolean[] candFailed = failed(cand, in, threshold(base, in));
        List<MetricDelta> deltas = new ArrayList<>();
        for (String metric : baseMetrics.keySet()) {
            PairedBootstrap.Interval ci = intervals.get(metric);
            double p = ci.pValue();
            String test = "bootstrap";
            if (metric.equals("accuracy")) {
                long[] counts = discordant(baseFailed, candFailed);
                p = McNemar.test(counts[0], counts[1]).pValue();
                test = "mcnemar";
            } else if (metric.equals("roc_auc") && in.classification() && in.target().classCount() == 2) {
                p = deLong(base, cand, in.labels()).pValue();
                test = "delong";
            }
            double b = baseMetrics.get(metric);
            double c = candMetrics.get(metric);
            deltas.add(new MetricDelta(metric, b, c, c - b, ci.low(), ci.high(), p, test, MetricDirection.higherIsBetter(metric)));
        }
        List<SliceDelta> slices = List.of();
        int examined = 0;
        if (in.rows() != null) {
            progress.start("Searching slices of at least " + settings.sliceMinSize() + " rows", 1);
            List<SliceDelta> all = SliceSearch.search(in.rows(), sliceColumns(in.rows(), in.target().column()), in.groups(),
                    baseFailed, candFailed, lossDifference(base, cand, in), settings.sliceMinSize());
            progress.finish();
            examined = all.size();
            slices = keep(all, in.groups());
        }
        List<SideSummary> refs = new ArrayList<>();
        for (Side r : in.references()) {
            refs.add(summary(r, metrics(r.predictions(), in)));
        }
        return new Comparison(in.target().task().id(), in.target().column(), in.data(), in.size(),
                summary(in.baseline(), baseMetrics), summary(in.candidate(), candMetrics), refs, deltas, slices, examined,
                failureDiff(in, baseFailed, candFailed, settings.examples()), flipRate(base, cand, in), settings);
    }

    /** The most significant slices, the largest drops with uncorrected p below 0.05, and every group slice. */
    private static List<SliceDelta> keep(List<SliceDelta> all, List<String> groups) {
        java.util.LinkedHashSet<SliceDelta> out = new java.util.LinkedHashSet<>(all.subList(0, Math.min(SLICES_KEPT, all.size())));
        all.stream().filter(s -> s.pValue() < LARGEST_DROP_P && s.delta() < 0)
                .sorted(java.util.Comparator.comparingDouble(SliceDelta::delta)).limit(SLICES_KEPT).forEach(out::add);
        all.stream().filter(s -> s.kind().equals("group")).forEach(out::add);
        return new ArrayList<>(out);
    }

    /**
     * The slices where the candidate loses most accuracy among those with an uncorrected p-value
     * below {@value #LARGEST_DROP_P}: where to look first, even when no slice survives the correction.
     */
    public static List<SliceDelta> largestDrops(Comparison c, int max) {
        return c.slices().stream().filter(s -> s.pValue() < LARGEST_DROP_P && s.delta() < 0)
                .sorted(java.util.Comparator.comparingDouble(SliceDelta::delta).thenComparing(SliceDelta::description))
                .limit(max).toList();
    }

    static List<String> sliceColumns(Table rows, String target) {
        return rows.columns().stream().map(Column::name)
                .filter(n -> !n.equals(target) && rows.role(n) == ColumnRole.FEATURE).toList();
    }

    static Map<String, Double> metrics(Predictions p, CompareInput in) {
        return in.classification() ? Metrics.classification(p, in.labels()).metrics() : Metrics.regression(p, in.values()).metrics();
    }

    static DeLong deLong(Predictions base, Predictions cand, int[] labels) {
        int n = labels.length;
        double[] a = new double[n];
        double[] b = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            a[i] = base.probability(i, 1);
            b[i] = cand.probability(i, 1);
            positive[i] = labels[i] == 1;
        }
        return DeLong.test(a, b, positive);
    }

    /** {worse, better}: rows only the candidate fails, rows only the baseline fails. */
    static long[] discordant(boolean[] baseFailed, boolean[] candFailed) {
        long worse = 0;
        long better = 0;
        for (int i = 0; i < baseFailed.length; i++) {
            worse += !baseFailed[i] && candFailed[i] ? 1 : 0;
            better += baseFailed[i] && !candFailed[i] ? 1 : 0;
        }
        return new long[] {worse, better};
    }

    private static double threshold(Predictions base, CompareInput in) {
        if (in.classification()) {
            return Double.NaN;
        }
        double[] errors = new double[in.size()];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = Math.abs(base.value(i) - in.values()[i]);
        }
        Arrays.sort(errors);
        return PairedBootstrap.quantile(errors, REGRESSION_FAILURE_QUANTILE);
    }

    private static boolean[] failed(Predictions p, CompareInput in, Double threshold) {
        boolean[] out = new boolean[in.size()];
        double t = threshold == null ? threshold(in.baseline().predictions(), in) : threshold;
        for (int i = 0; i < out.length; i++) {
            out[i] = in.classification() ? p.predictedClass(i) != in.labels()[i] : Math.abs(p.value(i) - in.values()[i]) > t;
        }
        return out;
    }

    /** Per row, the candidate's loss minus the baseline's: Brier score for classification, squared error for regression. */
    static double[] lossDifference(Predictions base, Predictions cand, CompareInput in) {
        double[] out = new double[in.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = loss(cand, in, i) - loss(base, in, i);
        }
        return out;
    }

    private static double loss(Predictions p, CompareInput in, int row) {
        if (!in.classification()) {
            double e = p.value(row) - in.values()[row];
            return e * e;
        }
        double s = 0;
        for (int c = 0; c < p.classes().size(); c++) {
            double d = p.probability(row, c) - (c == in.labels()[row] ? 1 : 0);
            s += d * d;
        }
        return s;
    }

    private static double flipRate(Predictions base, Predictions cand, CompareInput in) {
        if (!in.classification()) {
            return Double.NaN;
        }
        int flips = 0;
        for (int i = 0; i < in.size(); i++) {
            flips += base.predictedClass(i) != cand.predictedClass(i) ? 1 : 0;
        }
        return (double) flips / in.size();
    }

    private static FailureDiff failureDiff(CompareInput in, boolean[] baseFailed, boolean[] candFailed, int examples) {
        int added = 0;
        int fixed = 0;
        int persisting = 0;
        List<FailureExample> addedEx = new ArrayList<>();
        List<FailureExample> fixedEx = new ArrayList<>();
        List<FailureExample> persistingEx = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            if (candFailed[i] && !baseFailed[i]) {
                added++;
                add(addedEx, in, i, examples);
            } else if (baseFailed[i] && !candFailed[i]) {
                fixed++;
                add(fixedEx, in, i, examples);
            } else if (baseFailed[i]) {
                persisting++;
                add(persistingEx, in, i, examples);
            }
        }
        return new FailureDiff(added, fixed, persisting, addedEx, fixedEx, persistingEx);
    }

    private static void add(List<FailureExample> to, CompareInput in, int row, int max) {
        if (to.size() >= max) {
            return;
        }
        Map<String, Object> input = new LinkedHashMap<>();
        if (in.rows() != null) {
            for (String name : sliceColumns(in.rows(), in.target().column())) {
                input.put(name, in.rows().column(name).value(row));
            }
        }
        to.add(new FailureExample(in.rowKeys().get(row), expected(in, row), shown(in.baseline().predictions(), in, row),
                shown(in.candidate().predictions(), in, row), input));
    }

    private static String expected(CompareInput in, int row) {
        return in.classification() ? in.target().classes().get(in.labels()[row]) : format(in.values()[row]);
    }

    private static String shown(Predictions p, CompareInput in, int row) {
        if (!in.classification()) {
            return format(p.value(row));
        }
        int c = p.predictedClass(row);
        return String.format(java.util.Locale.ROOT, "%s (%.3f)", in.target().classes().get(c), p.probability(row, c));
    }

    private static String format(double v) {
        return dev.failforward.data.NumericColumn.format(v);
    }

    private static SideSummary summary(Side s, Map<String, Double> metrics) {
        return new SideSummary(s.role(), s.modelId(), s.trainedOn(), s.trainFingerprint(), s.modelFingerprint(), s.runId(), metrics);
    }
}
