package dev.failforward.detect;

import dev.failforward.failure.Judge;
import dev.failforward.model.Predictions;
import dev.failforward.scan.ScanData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code calibration}: whether the model's confidence (the probability of the class it predicts)
 * matches how often it is right. Measures the expected calibration error over {@code bins}
 * equal-width confidence bins with the reliability-diagram data, counts failures made with
 * confidence ≥ {@code overconfident}, and finds single-predicate slices whose mean confidence is
 * more than {@code slice-gap} above (over-confident) or below (under-confident) their accuracy with
 * |z| ≥ {@code slice-z}. ECE ≥ {@code ece-warning} is a warning, ≥ {@code ece-critical} critical.
 *
 * <p>The gap misses over-confidence where the model is already sure: a slice predicted at 0.99
 * whose accuracy is 0.95 is off by only 0.04, yet the model promises 1 error in 100 rows and makes
 * 5. So a slice is also over-confident when its failures are at least {@code slice-error-ratio}
 * times the failures its confidences promise (the sum of 1 − confidence) and that excess is
 * significant: the count of failures is Poisson-binomial, whose upper tail is at most the binomial
 * tail with the same mean (Hoeffding 1956), and the p-values of every slice examined are
 * Benjamini–Hochberg corrected; q ≤ {@code slice-alpha} is significant.
 *
 * <p>Both rules measure a slice of at most half the rows against the model's own reliability curve
 * (the accuracy of all rows per confidence bin, which predicts each row's chance of failing), so that
 * a slice is reported for what it adds, not for restating the global miscalibration. A larger slice
 * is measured against perfect calibration, and when over-confident it is folded into the global
 * finding: it is not a place but most of the model.
 */
public final class CalibrationDetector implements Detector {

    public static final String ID = "calibration";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "expected calibration error, reliability diagram, overconfident failures, over/under-confident slices";
    }

    @Override
    public boolean byDefault() {
        return true;
    }

    public static final Threshold.Whole BINS = Threshold.whole("bins", 10, 2, 1000);
    public static final Threshold.Real OVERCONFIDENT = Threshold.real("overconfident", Judge.DEFAULT_OVERCONFIDENT, 0.01, 1);
    public static final Threshold.Real OVERCONFIDENT_WARNING_SHARE = Threshold.fraction("overconfident-warning-share", 0.05);
    public static final Threshold.Real ECE_WARNING = Threshold.fraction("ece-warning", 0.05);
    public static final Threshold.Real ECE_CRITICAL = Threshold.fraction("ece-critical", 0.15);
    public static final Threshold.Real SLICE_GAP = Threshold.fraction("slice-gap", 0.1);
    public static final Threshold.Real SLICE_Z = Threshold.atLeastZero("slice-z", 3.0);
    public static final Threshold.Whole SLICE_MIN_SUPPORT = Threshold.whole("slice-min-support", 30, 1, Integer.MAX_VALUE);
    public static final Threshold.Whole SLICE_BINS = Threshold.whole("slice-bins", 10, 2, 1000);
    public static final Threshold.Real SLICE_ERROR_RATIO = Threshold.atLeastZero("slice-error-ratio", 2.0);
    public static final Threshold.Real SLICE_ALPHA = Threshold.fraction("slice-alpha", 0.01);

    @Override
    public List<Threshold<?>> thresholds() {
        return List.of(BINS, OVERCONFIDENT, OVERCONFIDENT_WARNING_SHARE, ECE_WARNING, ECE_CRITICAL, SLICE_GAP, SLICE_Z, SLICE_MIN_SUPPORT, SLICE_BINS, SLICE_ERROR_RATIO, SLICE_ALPHA);
    }

    @Override
    public Detection detect(DetectorContext c) {
        if (!c.classification()) {
            return new Detection(new Measurements.NotApplicable("calibration applies to classifiers; this is a regression task"),
                    List.of());
        }
        Predictions p = c.predictions();
        int[] truth = ScanData.labels(c.data().test(), c.data().target());
        int n = truth.length;
        double[] conf = new double[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            int k = p.predictedClass(i);
            conf[i] = p.probability(i, k);
            right[i] = k == truth[i];
        }
        int bins = c.threshold(this, BINS);
        double[] sumConf = new double[bins];
        double[] sumRight = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < n; i++) {
            int b = Math.min(bins - 1, (int) Math.floor(conf[i] * bins));
            sumConf[b] += conf[i];
            sumRight[b] += right[i] ? 1 : 0;
            count[b]++;
        }
        double ece = 0;
        List<CalibrationMeasurements.Bin> diagram = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (count[b] == 0) {
                continue;
            }
            double mc = sumConf[b] / count[b];
            double acc = sumRight[b] / count[b];
            ece += Math.abs(acc - mc) * count[b] / n;
            diagram.add(new CalibrationMeasurements.Bin((double) b / bins, (double) (b + 1) / bins, mc, acc, count[b]));
        }
        double overT = c.threshold(this, OVERCONFIDENT);
        boolean[] over = new boolean[n];
        int overCount = 0;
        for (int i = 0; i < n; i++) {
            if (!right[i] && conf[i] >= overT) {
                over[i] = true;
                overCount++;
            }
        }
        List<Finding> findings = new ArrayList<>();
        Severity eceSeverity = ece >= c.threshold(this, ECE_CRITICAL) ? Severity.CRITICAL
                : ece >= c.threshold(this, ECE_WARNING) ? Severity.WARNING : null;
        if (eceSeverity != null) {
            findings.add(new Finding(ID, eceSeverity, String.format(java.util.Locale.ROOT,
                    "Confidence does not match accuracy: expected calibration error %.3f", ece), n, List.of(), null,
                    Map.of("ece", ece)));
        }
        if (overCount > 0) {
            double share = (double) overCount / n;
            Severity s = share >= c.threshold(this, OVERCONFIDENT_WARNING_SHARE) ? Severity.WARNING : Severity.INFO;
            findings.add(new Finding(ID, s, String.format(java.util.Locale.ROOT,
                    "%d failures were made with confidence ≥ %.2f", overCount, overT), overCount,
                    RowKeys.of(c.data().testKeys(), over), "overconfident",
                    Map.of("overconfident_failures", overCount, "share_of_rows", share, "confidence_threshold", overT)));
        }
        List<Flagged> flagged = new ArrayList<>();
        List<CalibrationMeasurements.SliceCalibration> slices = slices(c, conf, right, flagged);
        // Slices holding more than half the rows are the global picture, not a place: they are folded
        // into the global finding (named in its evidence) instead of standing as findings of their own.
        List<CalibrationMeasurements.SliceCalibration> folded = new ArrayList<>();
        for (Flagged f : flagged) {
            if (f.finding().causeTag() != null && f.finding().rows() * 2 > n) {
                folded.add(f.slice());
            } else {
                findings.add(f.finding());
            }
        }
        if (!folded.isEmpty()) {
            folded.sort((a, b) -> Double.compare(b.gap(), a.gap()));
            CalibrationMeasurements.SliceCalibration worst = folded.get(0);
            String where = worst.slice() + " (" + worst.size() + " rows)"
                    + (folded.size() > 1 ? " and " + (folded.size() - 1) + " other slices of more than half the rows" : "");
            Finding global = findings.stream().filter(f -> f.evidence().containsKey("ece")).findFirst().orElse(null);
            Map<String, Object> ev = new LinkedHashMap<>(global == null ? Map.of("ece", ece) : global.evidence());
            ev.put("folded_slices", folded.stream().map(CalibrationMeasurements.SliceCalibration::evidence).toList());
            Finding merged = new Finding(ID, global == null ? Severity.WARNING : global.severity(), String.format(
                    java.util.Locale.ROOT, "Confidence does not match accuracy: expected calibration error %.3f; over-confident"
                            + " across most rows, where %s", ece, where), n, List.of(), null, ev);
            if (global != null) {
                findings.set(findings.indexOf(global), merged);
            } else {
                findings.add(0, merged);
            }
        }
        return new Detection(new CalibrationMeasurements(n, ece, diagram, overCount, slices, folded.isEmpty() ? null : folded),
                findings);
    }

    /** A slice flagged, with the finding it makes. */
    private record Flagged(CalibrationMeasurements.SliceCalibration slice, Finding finding) {
    }

    /** One single-predicate slice examined: its rows, failures and the failures its confidences promise. */
    private record Examined(int feature, int level, int size, int failures, double meanConfidence, double promised,
                            double p, double expected) {
    }

    private List<CalibrationMeasurements.SliceCalibration> slices(DetectorContext c, double[] conf, boolean[] right,
                                                                  List<Flagged> flagged) {
        FeatureCodes codes = FeatureCodes.of(c.data().test(), c.threshold(this, SLICE_BINS));
        int minSupport = c.threshold(this, SLICE_MIN_SUPPORT);
        double gapT = c.threshold(this, SLICE_GAP);
        double zT = c.threshold(this, SLICE_Z);
        double ratioT = c.threshold(this, SLICE_ERROR_RATIO);
        double alphaT = c.threshold(this, SLICE_ALPHA);
        int n = codes.rows();
        // What the model's own reliability curve (accuracy per confidence bin, over all rows) predicts for
        // each row: a slice is reported for what it adds to the global miscalibration, not for restating it
        // (a model over-confident everywhere is so in every large slice, most of all where it is surest).
        int bins = c.threshold(this, BINS);
        double[] binRight = new double[bins];
        int[] binCount = new int[bins];
        for (int i = 0; i < n; i++) {
            int b = Math.min(bins - 1, (int) Math.floor(conf[i] * bins));
            binRight[b] += right[i] ? 1 : 0;
            binCount[b]++;
        }
        double[] expectedFailure = new double[n];
        for (int i = 0; i < n; i++) {
            int b = Math.min(bins - 1, (int) Math.floor(conf[i] * bins));
            expectedFailure[i] = Math.max(1 - conf[i], 1 - binRight[b] / binCount[b]);
        }
        List<Examined> examined = new ArrayList<>();
        for (int f = 0; f < codes.features(); f++) {
            int levels = codes.levels(f) + 1;
            double[] sc = new double[levels];
            double[] se = new double[levels];
            int[] sr = new int[levels];
            int[] cnt = new int[levels];
            int[] col = codes.codes().get(f);
            for (int i = 0; i < n; i++) {
                sc[col[i]] += conf[i];
                se[col[i]] += expectedFailure[i];
                sr[col[i]] += right[i] ? 1 : 0;
                cnt[col[i]]++;
            }
            for (int v = 0; v < codes.levels(f); v++) {
                if (cnt[v] < minSupport) {
                    continue;
                }
                int failures = cnt[v] - sr[v];
                double promised = cnt[v] - sc[v];
                // Most of the rows: measured against perfect calibration (it is the global picture and is
                // folded into the global finding); a smaller slice against the model's reliability curve.
                double against = 2 * cnt[v] > n ? promised : se[v];
                examined.add(new Examined(f, v, cnt[v], failures, sc[v] / cnt[v], promised,
                        excessP(failures, cnt[v], against), against));
            }
        }
        double[] q = benjaminiHochberg(examined.stream().mapToDouble(Examined::p).toArray());
        List<CalibrationMeasurements.SliceCalibration> out = new ArrayList<>();
        for (int e = 0; e < examined.size(); e++) {
            Examined x = examined.get(e);
            double mc = x.meanConfidence();
            double acc = 1 - (double) x.failures() / x.size();
            double gap = mc - acc;
            double se = Math.sqrt(Math.max(1e-12, mc * (1 - mc)) / x.size());
            double z = gap / se;
            double ratio = x.promised() > 0 ? x.failures() / x.promised() : (x.failures() > 0 ? Double.POSITIVE_INFINITY : 1.0);
            // For an over-confident slice, the gap beyond what the reliability curve predicts for its confidences.
            double excessGap = gap > 0 ? (x.failures() - x.expected()) / x.size() : gap;
            double excessRatio = x.expected() > 0 ? x.failures() / x.expected() : ratio;
            boolean byGap = gap > 0 ? excessGap >= gapT && excessGap / se >= zT : Math.abs(gap) >= gapT && Math.abs(z) >= zT;
            boolean byRatio = excessRatio >= ratioT && q[e] <= alphaT;
            if (!byGap && !byRatio) {
                continue;
            }
            boolean overconfident = gap > 0 || byRatio;
            String label = codes.labels().get(x.feature()).get(x.level());
            CalibrationMeasurements.SliceCalibration o = new CalibrationMeasurements.SliceCalibration(label, x.size(), mc, acc,
                    gap, excessGap, x.expected(), z, x.failures(), x.promised(), Double.isFinite(ratio) ? ratio : Double.MAX_VALUE,
                    x.p(), q[e], byGap && byRatio ? "gap and error ratio" : byGap ? "gap" : "error ratio");
            out.add(o);
            int[] col = codes.codes().get(x.feature());
            boolean[] inSlice = new boolean[n];
            for (int i = 0; i < n; i++) {
                inSlice[i] = col[i] == x.level() && !right[i];
            }
            flagged.add(new Flagged(o, new Finding(ID, overconfident ? Severity.WARNING : Severity.INFO, String.format(java.util.Locale.ROOT,
                    "%s where %s: mean confidence %.2f but accuracy %.2f (%d rows; %d failures where the confidences promise %.1f)",
                    overconfident ? "Over-confident" : "Under-confident", label, mc, acc, x.size(), x.failures(), x.promised()),
                    x.size(), overconfident ? RowKeys.of(c.data().testKeys(), inSlice) : List.of(),
                    overconfident ? "overconfident" : null, o.evidence())));
        }
        out.sort((a, b) -> Double.compare(Math.abs(b.gap()), Math.abs(a.gap())));
        return out;
    }

    /**
     * P(at least {@code failures} failures) when the {@code size} rows fail independently with the
     * probabilities their confidences give (summing to {@code promised}): bounded above by the
     * binomial tail with the same mean, which holds from one failure above the mean (Hoeffding 1956).
     */
    static double excessP(int failures, int size, double promised) {
        if (failures < promised + 1) {
            return 1.0;
        }
        double rate = Math.max(1e-12, Math.min(1.0, promised / size));
        return Math.min(1.0, SliceSearch.binomialP(failures, size, rate));
    }

    /** Benjamini–Hochberg q-values of all the p-values. */
    static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> p[i]));
        double[] q = new double[m];
        double running = 1;
        for (int r = m - 1; r >= 0; r--) {
            int i = order[r];
            running = Math.min(running, Math.min(1, p[i] * m / (r + 1)));
            q[i] = running;
        }
        return q;
    }

    @Override
    public Class<? extends Measurements> measurementType() {
        return CalibrationMeasurements.class;
    }

    /** The reliability diagram: accuracy against mean confidence per bin, over the diagonal of perfect calibration. */
    @Override
    public List<DetectorChart> charts(Measurements measurements) {
        if (!(measurements instanceof CalibrationMeasurements m) || m.reliability().isEmpty()) {
            return List.of();
        }
        List<CalibrationMeasurements.Bin> bins = m.reliability();
        double[] x = new double[bins.size()];
        double[] y = new double[bins.size()];
        List<String> tips = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            x[i] = bins.get(i).meanConfidence();
            y[i] = bins.get(i).accuracy();
            tips.add(bins.get(i).count() + " rows: confidence " + fourDigits(x[i]) + ", accuracy " + fourDigits(y[i]));
        }
        return List.of(new DetectorChart.Curve("Reliability diagram", "mean confidence", "accuracy", "model", x, y, tips, true));
    }

    private static String fourDigits(double v) {
        return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString() : "n/a";
    }
}
