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
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code drift}: how the current rows (the test rows, or a separate current file) differ from the
 * reference rows (the training rows; the scored rows in a scan of given predictions). Per
 * feature, the test depends on type and size: with at most {@code large-n} rows on the smaller
 * side a feature drifts when its KS (numbers) or chi-square (categories) p-value is below
 * {@code alpha} divided by the number of features; on larger data, where every p-value is tiny,
 * when its PSI reaches {@code psi-warning}. PSI ≥ {@code psi-critical} makes it critical. Also
 * reported: Wasserstein distance (in reference standard deviations), Jensen–Shannon distance,
 * categories never seen in training, a domain classifier's AUC (≥ {@code auc-warning} is a
 * warning) and out-of-distribution rows (a number outside the reference range widened by
 * {@code ood-margin} of it, or an unseen category).
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

    @Override
    public Map<String, Double> thresholds() {
        Map<String, Double> t = new LinkedHashMap<>();
        t.put("alpha", 0.01);
        t.put("large-n", 10000.0);
        t.put("psi-warning", 0.1);
        t.put("psi-critical", 0.25);
        t.put("bins", 10.0);
        t.put("auc-warning", 0.65);
        t.put("auc-critical", 0.8);
        t.put("ood-margin", 0.1);
        t.put("ood-warning-share", 0.01);
        t.put("domain-classifier", 1.0);
        return t;
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
        boolean large = Math.min(ref.rowCount(), cur.rowCount()) > c.threshold(this, "large-n");
        double alpha = c.threshold(this, "alpha") / m;
        List<Map<String, Object>> perFeature = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        boolean[] ood = new boolean[cur.rowCount()];
        double margin = c.threshold(this, "ood-margin");
        for (Column a : features) {
            Column b = cur.column(a.name());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("feature", a.name());
            f.put("type", a.type().id());
            if (a instanceof NumericColumn na && b instanceof NumericColumn nb) {
                numeric(na, nb, f, large, (int) c.threshold(this, "bins"), ood, margin);
            } else if (a instanceof CategoricalColumn ca && b instanceof CategoricalColumn cb) {
                categorical(ca, cb, f, large, ood);
            } else {
                continue;
            }
            double psi = (double) f.get("psi");
            double p = (double) f.getOrDefault("p_value", Double.NaN);
            boolean drifted = large ? psi >= c.threshold(this, "psi-warning") : p < alpha;
            f.put("drifted", drifted);
            perFeature.add(f);
            if (drifted) {
                Severity s = psi >= c.threshold(this, "psi-critical") ? Severity.CRITICAL : Severity.WARNING;
                findings.add(new Finding(ID, s, String.format(java.util.Locale.ROOT,
                        "'%s' differs between %s and %s rows (%s, PSI %.3f)", a.name(), refName, curName,
                        large ? "large data" : f.get("test") + " p = " + String.format(java.util.Locale.ROOT, "%.2g", p), psi),
                        cur.rowCount(), List.of(), null, f));
            }
            @SuppressWarnings("unchecked")
            List<String> fresh = (List<String>) f.get("new_categories");
            if (fresh != null && !fresh.isEmpty()) {
                findings.add(new Finding(ID, Severity.WARNING, "'" + a.name() + "' has categories never seen in " + refName + " rows: "
                        + String.join(", ", fresh.subList(0, Math.min(5, fresh.size()))), (int) f.get("new_category_rows"),
                        List.of(), c.current() == null ? "ood" : null, Map.of("feature", a.name(), "new_categories", fresh)));
            }
        }
        // Most drifted first, so that the feature that moved most leads the list.
        perFeature.sort(Comparator.comparingDouble((Map<String, Object> f) -> -(double) f.get("psi")));
        findings.sort(Comparator.comparing(Finding::severity).reversed().thenComparingDouble(
                f -> -((Number) f.evidence().getOrDefault("psi", 0.0)).doubleValue()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reference", refName);
        out.put("reference_rows", ref.rowCount());
        out.put("current", c.current() != null ? "current file " + c.current().source() : "test rows");
        out.put("current_rows", cur.rowCount());
        out.put("method", large ? "psi (large data)" : "ks / chi-square with Bonferroni alpha " + alpha);
        out.put("features", perFeature);
        int oodCount = 0;
        for (boolean o : ood) {
            oodCount += o ? 1 : 0;
        }
        out.put("ood_rows", oodCount);
        if (oodCount > 0) {
            double share = (double) oodCount / cur.rowCount();
            Severity severity = share >= c.threshold(this, "ood-warning-share") ? Severity.WARNING : Severity.INFO;
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
        if (c.trainer() != null && c.threshold(this, "domain-classifier") > 0) {
            double auc = domainAuc(ref, cur, c);
            out.put("domain_classifier_auc", auc);
            if (auc >= c.threshold(this, "auc-warning")) {
                findings.add(new Finding(ID, auc >= c.threshold(this, "auc-critical") ? Severity.CRITICAL : Severity.WARNING,
                        String.format(java.util.Locale.ROOT, "A classifier tells %s rows from %s rows with AUC %.3f", curName, refName, auc),
                        cur.rowCount(), List.of(), null, Map.of("domain_classifier_auc", auc)));
            }
        }
        return new Detection(out, findings);
    }

    private static void numeric(NumericColumn a, NumericColumn b, Map<String, Object> f, boolean large, int bins,
                                boolean[] ood, double margin) {
        double[] ra = Arrays.stream(a.values()).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] rb = Arrays.stream(b.values()).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] cuts = FeatureCodes.cuts(ra, bins);
        long[] ca = histogram(ra, cuts);
        long[] cb = histogram(rb, cuts);
        f.put("psi", ra.length == 0 || rb.length == 0 ? 0.0 : Distances.psi(ca, cb));
        double sd = sd(ra);
        f.put("wasserstein_sd", sd == 0 ? 0.0 : Distances.wasserstein(ra, rb) / sd);
        if (!large && ra.length > 1 && rb.length > 1) {
            f.put("test", "ks");
            f.put("p_value", new KolmogorovSmirnovTest().kolmogorovSmirnovTest(ra, rb));
        }
        f.put("reference_mean", ra.length == 0 ? Double.NaN : Arrays.stream(ra).average().orElse(Double.NaN));
        f.put("current_mean", rb.length == 0 ? Double.NaN : Arrays.stream(rb).average().orElse(Double.NaN));
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
    }

    private static void categorical(CategoricalColumn a, CategoricalColumn b, Map<String, Object> f, boolean large,
                                    boolean[] ood) {
        Set<String> levels = new LinkedHashSet<>(a.levels());
        levels.addAll(b.levels());
        List<String> all = new ArrayList<>(levels);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            index.put(all.get(i), i);
        }
        long[] ca = new long[all.size()];
        long[] cb = new long[all.size()];
        for (int i = 0; i < a.size(); i++) {
            if (a.code(i) >= 0) {
                ca[index.get(a.levels().get(a.code(i)))]++;
            }
        }
        int[] bMap = new int[b.levels().size()];
        for (int l = 0; l < bMap.length; l++) {
            bMap[l] = index.get(b.levels().get(l));
        }
        for (int i = 0; i < b.size(); i++) {
            if (b.code(i) >= 0) {
                cb[bMap[b.code(i)]]++;
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
        f.put("psi", Distances.psi(ca, cb));
        f.put("jensen_shannon", Distances.jensenShannon(ca, cb));
        f.put("new_categories", fresh);
        f.put("new_category_rows", (int) freshRows);
        if (!large) {
            List<long[]> kept = new ArrayList<>();
            for (int l = 0; l < all.size(); l++) {
                if (ca[l] + cb[l] > 0) {
                    kept.add(new long[]{ca[l], cb[l]});
                }
            }
            if (kept.size() >= 2 && Arrays.stream(ca).sum() > 0 && Arrays.stream(cb).sum() > 0) {
                long[] x = kept.stream().mapToLong(v -> v[0]).toArray();
                long[] y = kept.stream().mapToLong(v -> v[1]).toArray();
                f.put("test", "chi-square");
                f.put("p_value", new ChiSquareTest().chiSquareTestDataSetsComparison(x, y));
            } else {
                f.put("test", "chi-square");
                f.put("p_value", 1.0);
            }
        }
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
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int[] fit = order.subList(0, n / 2).stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] held = order.subList(n / 2, n).stream().mapToInt(Integer::intValue).sorted().toArray();
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
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return order.subList(0, max).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
