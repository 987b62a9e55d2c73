package dev.failforward.detect;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.Task;
import dev.failforward.progress.Progress;
import dev.failforward.scan.Permutation;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * {@code drift}: how the current rows (the test rows, or a separate current file) differ from the
 * reference rows (the training rows; the scored rows in a scan of given predictions). Per
 * feature, the test depends on type and size: with at most {@code large-n} rows on the smaller
 * side a feature drifts when its p-value, Holm-corrected over the features, is below
 * {@code alpha}. A feature's p-value is the smallest of its tests times their number: for numbers
 * KS (any change of shape) and the Mann–Whitney rank-sum test (a shift, which KS detects late on
 * small samples), for categories chi-square, each on the present values, and — when either side
 * has missing values — a chi-square test of the share missing, which the others cannot see. On
 * larger data, where every p-value is tiny, a feature drifts when its PSI (missing values a bin of
 * their own) reaches {@code psi-warning}. PSI ≥ {@code psi-critical} makes it critical. Also
 * reported: Wasserstein distance (in reference standard deviations), Jensen–Shannon distance,
 * categories never seen in training (a warning only when their rows clearly outnumber what the
 * reference's categories seen once predict for a sample of the same data: {@link UnseenCategories}),
 * a domain classifier's AUC (≥ {@code auc-warning} is a
 * warning) and out-of-distribution rows (a number outside the reference range widened by
 * {@code ood-margin} of it, or an unseen category). Each feature's measurement carries the data of
 * its histogram ({@link DriftHistogram}: {@code histogram-bins} bins, {@code histogram-categories}
 * categories).
 */
public final class DriftDetector implements Detector {

    public static final String ID = "drift";
    private static final int DOMAIN_ROWS = 5000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "per-feature drift (KS/chi-square, PSI, Wasserstein, Jensen-Shannon), new categories, domain classifier, OOD rows";
    }

    @Override
    public boolean byDefault() {
        return true;
    }

    public static final Threshold.Real ALPHA = Threshold.fraction("alpha", 0.01);
    public static final Threshold.Whole LARGE_N = Threshold.whole("large-n", 10_000, 0, Integer.MAX_VALUE);
    public static final Threshold.Real PSI_WARNING = Threshold.atLeastZero("psi-warning", 0.1);
    public static final Threshold.Real PSI_CRITICAL = Threshold.atLeastZero("psi-critical", 0.25);
    public static final Threshold.Whole BINS = Threshold.whole("bins", 10, 2, 1000);
    public static final Threshold.Real AUC_WARNING = Threshold.fraction("auc-warning", 0.65);
    public static final Threshold.Real AUC_CRITICAL = Threshold.fraction("auc-critical", 0.8);
    public static final Threshold.Real OOD_MARGIN = Threshold.atLeastZero("ood-margin", 0.1);
    public static final Threshold.Real OOD_WARNING_SHARE = Threshold.fraction("ood-warning-share", 0.01);
    public static final Threshold.Flag DOMAIN_CLASSIFIER = Threshold.flag("domain-classifier", true);
    public static final Threshold.Whole HISTOGRAM_BINS = Threshold.whole("histogram-bins", 20, 1, 1000);
    public static final Threshold.Whole HISTOGRAM_CATEGORIES = Threshold.whole("histogram-categories", 10, 1, 1000);

    @Override
    public List<Threshold<?>> thresholds() {
        return List.of(ALPHA, LARGE_N, PSI_WARNING, PSI_CRITICAL, BINS, AUC_WARNING, AUC_CRITICAL, OOD_MARGIN, OOD_WARNING_SHARE, DOMAIN_CLASSIFIER, HISTOGRAM_BINS, HISTOGRAM_CATEGORIES);
    }

    @Override
    public Optional<String> unavailable(DetectorInputs inputs) {
        return inputs.trainingRows() || inputs.currentRows() ? Optional.empty()
                : Optional.of("drift compares reference rows with current rows; a scan of --prediction-column has no "
                        + "training rows, so drift is skipped (give --current FILE to compare the scored rows with it)");
    }

    @Override
    public Detection detect(DetectorContext c) {
        boolean noTraining = c.data().train().rowCount() == 0;
        if (noTraining && c.current() == null) {
            throw new IllegalStateException("drift needs reference rows: there are no training rows and no current file");
        }
        // Reference: the training rows (or, in a scan of given predictions, the scored rows);
        // current: the separate current file when there is one, else the test rows.
        Table ref = noTraining ? c.data().test() : c.data().train();
        Table cur = c.current() != null ? c.current() : c.data().test();
        String refName = noTraining ? "scored" : "training";
        String curName = c.current() != null ? "current" : "test";
        List<Column> features = ref.features().stream().filter(col -> cur.find(col.name()).isPresent())
                .filter(col -> !(col instanceof dev.failforward.data.TextColumn)).toList();
        int m = Math.max(1, features.size());
        boolean large = Math.min(ref.rowCount(), cur.rowCount()) > c.threshold(this, LARGE_N);
        double alpha = c.threshold(this, ALPHA);
        List<DriftMeasurements.FeatureDrift> measured = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        boolean[] ood = new boolean[cur.rowCount()];
        double margin = c.threshold(this, OOD_MARGIN);
        int histBins = c.threshold(this, HISTOGRAM_BINS);
        int histCategories = c.threshold(this, HISTOGRAM_CATEGORIES);
        for (Column a : features) {
            Column b = cur.column(a.name());
            if (a instanceof NumericColumn na && b instanceof NumericColumn nb) {
                measured.add(numeric(na, nb, large, c.threshold(this, BINS), ood, margin, histBins));
            } else if (a instanceof CategoricalColumn ca && b instanceof CategoricalColumn cb) {
                measured.add(categorical(ca, cb, large, ood, histCategories));
            }
        }
        List<Double> adjusted = large ? java.util.Collections.nCopies(measured.size(), null) : holm(measured);
        List<DriftMeasurements.FeatureDrift> perFeature = new ArrayList<>(measured.size());
        for (int i = 0; i < measured.size(); i++) {
            DriftMeasurements.FeatureDrift unjudged = measured.get(i);
            Double holm = adjusted.get(i);
            double psi = unjudged.psi();
            double p = unjudged.pValue() == null ? Double.NaN : unjudged.pValue();
            boolean drifted = large ? psi >= c.threshold(this, PSI_WARNING) : (holm == null ? Double.NaN : holm) < alpha;
            DriftMeasurements.FeatureDrift f = unjudged.judged(holm, drifted);
            perFeature.add(f);
            String name = f.feature();
            if (drifted) {
                Severity s = psi >= c.threshold(this, PSI_CRITICAL) ? Severity.CRITICAL : Severity.WARNING;
                findings.add(new Finding(ID, s, String.format(java.util.Locale.ROOT,
                        "'%s' differs between %s and %s rows (%s, PSI %.3f)", name, refName, curName,
                        large ? "large data" : f.test() + " p = " + String.format(java.util.Locale.ROOT, "%.2g", p), psi),
                        cur.rowCount(), List.of(), null, f.evidence()));
            }
            List<String> fresh = f.newCategories();
            if (fresh != null && !fresh.isEmpty()) {
                int rows = f.newCategoryRows();
                double expected = f.newCategoryRowsExpected();
                boolean beyondChance = UnseenCategories.beyondChance(rows, expected);
                findings.add(new Finding(ID, beyondChance ? Severity.WARNING : Severity.INFO, "'" + name
                        + "' has categories never seen in " + refName + " rows: "
                        + String.join(", ", fresh.subList(0, Math.min(5, fresh.size())))
                        + (beyondChance ? "" : String.format(java.util.Locale.ROOT,
                        " (%d rows, as many as the %s rows' rare categories predict: %.1f)", rows, refName, expected)),
                        rows, List.of(), c.current() == null ? "ood" : null,
                        Map.of("feature", name, "new_categories", fresh, "new_category_rows", rows, "expected_rows", expected)));
            }
        }
        // Most drifted first, so that the feature that moved most leads the list.
        perFeature.sort(Comparator.comparingDouble((DriftMeasurements.FeatureDrift f) -> -f.psi()));
        findings.sort(Comparator.comparing(Finding::severity).reversed().thenComparingDouble(
                f -> f.evidence().get("psi") instanceof Number psi ? -psi.doubleValue() : 0));
        String current = c.current() != null ? "current file " + c.current().source() : "test rows";
        String method = large ? "psi (large data)" : "ks + rank-sum / chi-square (+ missing share), Holm-corrected at alpha " + alpha;
        int oodCount = 0;
        for (boolean o : ood) {
            oodCount += o ? 1 : 0;
        }
        if (oodCount > 0) {
            double share = (double) oodCount / cur.rowCount();
            Severity severity = share >= c.threshold(this, OOD_WARNING_SHARE) ? Severity.WARNING : Severity.INFO;
            String title = String.format(java.util.Locale.ROOT,
                    "%d %s rows lie outside the %s data (a value beyond its range or an unseen category)", oodCount, curName, refName);
            if (c.current() == null) {
                findings.add(new Finding(ID, severity, title, oodCount, RowKeys.of(c.data().testKeys(), ood), "ood",
                        Map.of("ood_rows", oodCount, "share", share)));
            } else {
                // Rows of the current file are not failures of this run: name them by their index in that file.
                List<Integer> indexes = new ArrayList<>();
                for (int i = 0; i < ood.length && indexes.size() < 1000; i++) {
                    if (ood[i]) {
                        indexes.add(i);
                    }
                }
                findings.add(new Finding(ID, severity, title, oodCount, List.of(), null,
                        Map.of("ood_rows", oodCount, "share", share, "current_row_indexes", indexes)));
            }
        }
        String domainClassifier = null;
        Double domainAuc = null;
        if (features.isEmpty()) {
            // Text-only tables: the per-feature tests and the domain classifier need numeric or categorical columns.
            domainClassifier = "not applicable: no numeric or categorical feature columns";
        } else if (c.trainer() != null && c.threshold(this, DOMAIN_CLASSIFIER)) {
            double auc = domainAuc(ref, cur, c);
            domainAuc = auc;
            if (auc >= c.threshold(this, AUC_WARNING)) {
                findings.add(new Finding(ID, auc >= c.threshold(this, AUC_CRITICAL) ? Severity.CRITICAL : Severity.WARNING,
                        String.format(java.util.Locale.ROOT, "A classifier tells %s rows from %s rows with AUC %.3f", curName, refName, auc),
                        cur.rowCount(), List.of(), null, Map.of("domain_classifier_auc", auc)));
            }
        }
        return new Detection(new DriftMeasurements(refName, ref.rowCount(), current, cur.rowCount(), method, perFeature, oodCount,
                domainClassifier, domainAuc), findings);
    }

    private static DriftMeasurements.FeatureDrift numeric(NumericColumn a, NumericColumn b, boolean large, int bins,
                                                         boolean[] ood, double margin, int histBins) {
        double[] ra = Arrays.stream(a.values()).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] rb = Arrays.stream(b.values()).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int missA = a.size() - ra.length;
        int missB = b.size() - rb.length;
        double[] cuts = FeatureCodes.cuts(ra, bins);
        long[] ca = withMissing(histogram(ra, cuts), missA, missA + missB);
        long[] cb = withMissing(histogram(rb, cuts), missB, missA + missB);
        double psi = ra.length == 0 || rb.length == 0 ? 0.0 : Distances.psi(ca, cb);
        double sd = sd(ra);
        double wasserstein = sd == 0 ? 0.0 : Distances.wasserstein(ra, rb) / sd;
        Double ks = null;
        Double rank = null;
        Tests tests = null;
        if (!large) {
            tests = new Tests(ra.length, missA, rb.length, missB);
            if (ra.length > 1 && rb.length > 1) {
                ks = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(ra, rb);
                rank = new MannWhitneyUTest().mannWhitneyUTest(ra, rb);
                tests.add("ks", ks);
                tests.add("rank-sum", rank);
            }
            tests.missingShare();
        }
        Double referenceMean = ra.length == 0 ? Double.NaN : Arrays.stream(ra).average().orElse(Double.NaN);
        Double currentMean = rb.length == 0 ? Double.NaN : Arrays.stream(rb).average().orElse(Double.NaN);
        DriftMeasurements.Histogram histogram = DriftHistogram.numeric(ra, rb, missA, missB, histBins);
        if (ra.length > 0) {
            double lo = ra[0];
            double hi = ra[ra.length - 1];
            double w = Math.max(hi - lo, 1e-12) * margin;
            for (int i = 0; i < b.size(); i++) {
                double v = b.values()[i];
                if (!Double.isNaN(v) && (v < lo - w || v > hi + w)) {
                    ood[i] = true;
                }
            }
        }
        return new DriftMeasurements.FeatureDrift(a.name(), a.type().id(), psi, wasserstein, ks, rank,
                tests == null ? null : tests.referenceMissingShare, tests == null ? null : tests.currentMissingShare,
                tests == null ? null : tests.missingSharePValue, tests == null ? null : tests.names(),
                tests == null ? null : tests.pValue(), null, false, referenceMean, currentMean,
                null, null, null, null, null, histogram);
    }

    private static DriftMeasurements.FeatureDrift categorical(CategoricalColumn a, CategoricalColumn b, boolean large,
                                                             boolean[] ood, int histCategories) {
        Set<String> levels = new LinkedHashSet<>(a.levels());
        levels.addAll(b.levels());
        List<String> all = new ArrayList<>(levels);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            index.put(all.get(i), i);
        }
        long[] ca = new long[all.size()];
        long[] cb = new long[all.size()];
        int missA = 0;
        int missB = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.code(i) >= 0) {
                ca[index.get(a.levels().get(a.code(i)))]++;
            } else {
                missA++;
            }
        }
        int[] bMap = new int[b.levels().size()];
        for (int l = 0; l < bMap.length; l++) {
            bMap[l] = index.get(b.levels().get(l));
        }
        for (int i = 0; i < b.size(); i++) {
            if (b.code(i) >= 0) {
                cb[bMap[b.code(i)]]++;
            } else {
                missB++;
            }
        }
        List<String> fresh = new ArrayList<>();
        long freshRows = 0;
        for (int l = 0; l < all.size(); l++) {
            if (ca[l] == 0 && cb[l] > 0) {
                fresh.add(all.get(l));
                freshRows += cb[l];
            }
        }
        for (int i = 0; i < b.size(); i++) {
            if (b.code(i) >= 0 && ca[bMap[b.code(i)]] == 0) {
                ood[i] = true;
            }
        }
        double psi = Distances.psi(withMissing(ca, missA, missA + missB), withMissing(cb, missB, missA + missB));
        double jensenShannon = Distances.jensenShannon(ca, cb);
        double expected = UnseenCategories.expectedRows(ca, Arrays.stream(cb).sum());
        Double chi = null;
        Tests tests = null;
        if (!large) {
            List<long[]> kept = new ArrayList<>();
            for (int l = 0; l < all.size(); l++) {
                if (ca[l] + cb[l] > 0) {
                    kept.add(new long[]{ca[l], cb[l]});
                }
            }
            chi = 1.0;
            if (kept.size() >= 2 && Arrays.stream(ca).sum() > 0 && Arrays.stream(cb).sum() > 0) {
                long[] x = kept.stream().mapToLong(v -> v[0]).toArray();
                long[] y = kept.stream().mapToLong(v -> v[1]).toArray();
                chi = new ChiSquareTest().chiSquareTestDataSetsComparison(x, y);
            }
            int presentA = (int) Arrays.stream(ca).sum();
            int presentB = (int) Arrays.stream(cb).sum();
            tests = new Tests(presentA, missA, presentB, missB);
            tests.add("chi-square", chi);
            tests.missingShare();
        }
        DriftMeasurements.Histogram histogram = DriftHistogram.categorical(all, ca, cb, missA, missB, histCategories);
        return new DriftMeasurements.FeatureDrift(a.name(), a.type().id(), psi, null, null, null,
                tests == null ? null : tests.referenceMissingShare, tests == null ? null : tests.currentMissingShare,
                tests == null ? null : tests.missingSharePValue, tests == null ? null : tests.names(),
                tests == null ? null : tests.pValue(), null, false, null, null, jensenShannon, fresh, (int) freshRows,
                expected, chi, histogram);
    }

    /**
     * A feature's tests on data of at most {@code large-n} rows: their names and p-values, and — when
     * either side has missing values — a chi-square test of the share missing (2 × 2), which the
     * tests on the present values cannot see.
     */
    private static final class Tests {
        private final int presentA;
        private final int missA;
        private final int presentB;
        private final int missB;
        private final List<String> names = new ArrayList<>();
        private final List<Double> ps = new ArrayList<>();
        final double referenceMissingShare;
        final double currentMissingShare;
        Double missingSharePValue;

        Tests(int presentA, int missA, int presentB, int missB) {
            this.presentA = presentA;
            this.missA = missA;
            this.presentB = presentB;
            this.missB = missB;
            referenceMissingShare = presentA + missA == 0 ? 0.0 : (double) missA / (presentA + missA);
            currentMissingShare = presentB + missB == 0 ? 0.0 : (double) missB / (presentB + missB);
        }

        void add(String test, double p) {
            names.add(test);
            ps.add(p);
        }

        void missingShare() {
            if (missA + missB == 0 || presentA + presentB == 0 || presentA + missA == 0 || presentB + missB == 0) {
                return;
            }
            double p = new ChiSquareTest().chiSquareTestDataSetsComparison(new long[]{presentA, missA}, new long[]{presentB, missB});
            missingSharePValue = p;
            add("missing share", p);
        }

        String names() {
            return names.isEmpty() ? "none" : String.join(" + ", names);
        }

        /** The feature's p-value: the smallest of its tests' p-values times their number (Bonferroni within the feature). */
        double pValue() {
            double min = ps.stream().mapToDouble(Double::doubleValue).min().orElse(1.0);
            return Math.min(1.0, min * Math.max(1, ps.size()));
        }
    }

    /**
     * Holm's step-down adjustment of the features' p-values (family-wise error control, never weaker
     * than Bonferroni): one per feature, in their order, {@code null} for a feature without a p-value.
     */
    static List<Double> holm(List<DriftMeasurements.FeatureDrift> perFeature) {
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < perFeature.size(); i++) {
            if (perFeature.get(i).pValue() != null) {
                tested.add(i);
            }
        }
        int m = tested.size();
        tested.sort(Comparator.comparingDouble(i -> perFeature.get(i).pValue()));
        Double[] adjusted = new Double[perFeature.size()];
        double running = 0;
        for (int r = 0; r < m; r++) {
            int i = tested.get(r);
            running = Math.max(running, Math.min(1.0, (m - r) * perFeature.get(i).pValue()));
            adjusted[i] = running;
        }
        return Arrays.asList(adjusted);
    }

    /** The counts with one more bin for the missing values, when either side has any. */
    private static long[] withMissing(long[] counts, int missing, int missingBoth) {
        if (missingBoth == 0) {
            return counts;
        }
        long[] out = Arrays.copyOf(counts, counts.length + 1);
        out[counts.length] = missing;
        return out;
    }

    private static long[] histogram(double[] sorted, double[] cuts) {
        long[] out = new long[cuts.length + 1];
        for (double v : sorted) {
            int pos = Arrays.binarySearch(cuts, v);
            out[pos >= 0 ? pos + 1 : -pos - 1]++;
        }
        return out;
    }

    private static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(v).average().orElse(0);
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    /** AUC of a classifier trained on half of (reference + current) rows to tell them apart, scored on the other half. */
    private double domainAuc(Table ref, Table cur, DetectorContext c) {
        Random random = new Random(c.seed() ^ 0x5eedL);
        int[] r = sample(ref.rowCount(), DOMAIN_ROWS, random);
        int[] k = sample(cur.rowCount(), DOMAIN_ROWS, random);
        Table stacked = Stacked.of(ref, r, cur, k);
        int n = stacked.rowCount();
        int[] order = Permutation.shuffled(n, random);
        int[] fit = Arrays.copyOfRange(order, 0, n / 2);
        int[] held = Arrays.copyOfRange(order, n / 2, n);
        Arrays.sort(fit);
        Arrays.sort(held);
        Target target = new Target(Stacked.DOMAIN, Task.BINARY_CLASSIFICATION, List.of("reference", "current"));
        c.progress().start("Training a domain classifier (reference vs current rows)", 1);
        Model model = c.trainer().train(stacked.select(fit), target, c.seed(), Progress.NONE);
        Predictions p = model.predict(stacked.select(held));
        c.progress().finish();
        int currentIndex = p.classes().indexOf("current");
        double[] score = new double[held.length];
        boolean[] positive = new boolean[held.length];
        for (int i = 0; i < held.length; i++) {
            score[i] = p.probability(i, currentIndex);
            positive[i] = held[i] >= r.length;
        }
        return Auc.of(score, positive);
    }

    private static int[] sample(int n, int max, Random random) {
        if (n <= max) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] kept = Arrays.copyOf(Permutation.shuffled(n, random), max);
        Arrays.sort(kept);
        return kept;
    }

    @Override
    public Class<DriftMeasurements> measurementType() {
        return DriftMeasurements.class;
    }

    @Override
    public List<DetectorChart> charts(Measurements measurements) {
        if (!(measurements instanceof DriftMeasurements m)) {
            return List.of();
        }
        String reference = java.util.Objects.requireNonNullElse(m.reference(), "training");
        String current = java.util.Objects.requireNonNullElse(m.current(), "test rows");
        List<DetectorChart> charts = new ArrayList<>(ChartRows.bars("PSI per feature (" + reference + " → " + current + ")",
                "feature", "PSI", m.features(), DriftMeasurements.FeatureDrift::feature, DriftMeasurements.FeatureDrift::psi));
        charts.addAll(DriftHistogram.gallery(m.features(), "reference (" + reference + " rows)", "current (" + current + ")"));
        return charts;
    }
}
