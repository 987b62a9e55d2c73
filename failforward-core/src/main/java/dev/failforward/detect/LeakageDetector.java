package dev.failforward.detect;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.scan.Permutation;
import dev.failforward.scan.ScanData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code leakage}: signs that the evaluation is too easy to be true, reported as suspicions with
 * evidence. In a scan of given predictions (no training rows) there are no duplicates to look for,
 * the single-feature rule is cross-fitted on two halves of the scored rows, and identifier-like
 * columns are judged on the scored rows.
 * <ul>
 *   <li>Copied records: test rows equal to a training row whose combination of feature values occurs
 *   at most {@code duplicate-rare} times in training, with the same target (≥ {@code
 *   duplicate-warning-share} of the test rows beyond the copies that chance gives with independent
 *   columns ({@link ChanceCopies}), and significantly more, is a warning). Common combinations repeat
 *   by chance in tables of few-valued features, often with the other label, and are only counted.</li>
 *   <li>A single feature that predicts the target almost alone: its power on the test rows, learned
 *   per value or quantile bin on the training rows and scaled so 0 = no better than the majority
 *   class / the mean and 1 = perfect (≥ {@code power-warning} warning, ≥ {@code power-critical}
 *   critical); for a classification target also its AUC (binary: of the positive class; multi-class:
 *   the mean one-vs-rest AUC; ≥ {@code auc-warning} warning, ≥ {@code auc-critical} critical), and a
 *   feature that stands alone — AUC ≥ {@code lift-auc} and at least
 *   {@code lift-gap} above every other feature's — is a warning, shown beside the model's own AUC.</li>
 *   <li>Identifier-like columns: at least {@code id-distinct} of the rows distinct, and categories or
 *   whole numbers that are keys by name or fill their range (not amounts); free text never is.</li>
 * </ul>
 */
public final class LeakageDetector implements Detector {

    public static final String ID = "leakage";
    private static final int MIN_CLASS_ROWS = 10;
    /** Targets with more classes get no single-feature AUC (one ranking per class would cost too much). */
    private static final int MAX_AUC_CLASSES = 20;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "train/test duplicates, single-feature near-perfect predictors, identifier-like columns";
    }

    @Override
    public boolean byDefault() {
        return true;
    }

    public static final Threshold.Real DUPLICATE_WARNING_SHARE = Threshold.fraction("duplicate-warning-share", 0.05);
    public static final Threshold.Real POWER_WARNING = Threshold.fraction("power-warning", 0.9);
    public static final Threshold.Real POWER_CRITICAL = Threshold.fraction("power-critical", 0.95);
    public static final Threshold.Real AUC_WARNING = Threshold.fraction("auc-warning", 0.995);
    public static final Threshold.Real AUC_CRITICAL = Threshold.fraction("auc-critical", 0.999);
    public static final Threshold.Whole BINS = Threshold.whole("bins", 20, 2, 1000);
    public static final Threshold.Real ID_DISTINCT = Threshold.fraction("id-distinct", 0.95);
    public static final Threshold.Real LIFT_AUC = Threshold.fraction("lift-auc", 0.9);
    public static final Threshold.Real LIFT_GAP = Threshold.fraction("lift-gap", 0.1);
    public static final Threshold.Whole DUPLICATE_RARE = Threshold.whole("duplicate-rare", 2, 1, Integer.MAX_VALUE);

    @Override
    public List<Threshold<?>> thresholds() {
        return List.of(DUPLICATE_WARNING_SHARE, POWER_WARNING, POWER_CRITICAL, AUC_WARNING, AUC_CRITICAL, BINS, ID_DISTINCT, LIFT_AUC, LIFT_GAP, DUPLICATE_RARE);
    }

    @Override
    public Detection detect(DetectorContext c) {
        Table train = c.data().train();
        Table test = c.data().test();
        boolean noTraining = train.rowCount() == 0;
        List<Finding> findings = new ArrayList<>();
        // A scan of given predictions: no training rows to duplicate; powers are cross-fitted on the scored rows.
        Duplicates dup = noTraining ? null : duplicates(c, train, test, findings);
        String powerMethod = noTraining ? "2-fold cross-fitting on the scored rows" : "learned on training rows, scored on test rows";
        List<LeakageMeasurements.FeaturePower> measured = power(c, train, test);
        Double modelAuc = modelAuc(c);
        List<LeakageMeasurements.FeaturePower> powers = new ArrayList<>(measured.size());
        for (LeakageMeasurements.FeaturePower measuredPower : measured) {
            double power = measuredPower.power();
            boolean hasAuc = measuredPower.auc() != null;
            double auc = hasAuc ? measuredPower.auc() : 0;
            // A feature far ahead of every other one: real predictors rarely stand alone (breast cancer's best
            // features reach AUC 0.99 together), a column derived from the target does (a 95 % copy: AUC 0.95
            // where the next best feature reaches 0.75).
            double runnerUp = 0;
            for (LeakageMeasurements.FeaturePower other : measured) {
                if (other != measuredPower && other.auc() != null) {
                    runnerUp = Math.max(runnerUp, other.auc());
                }
            }
            boolean standsAlone = hasAuc && auc >= c.threshold(this, LIFT_AUC) && auc - runnerUp >= c.threshold(this, LIFT_GAP);
            boolean flagged = power >= c.threshold(this, POWER_WARNING) || auc >= c.threshold(this, AUC_WARNING) || standsAlone;
            LeakageMeasurements.FeaturePower p = measuredPower.compared(hasAuc ? runnerUp : null, flagged ? modelAuc : null);
            powers.add(p);
            if (flagged) {
                Severity s = power >= c.threshold(this, POWER_CRITICAL) || auc >= c.threshold(this, AUC_CRITICAL)
                        ? Severity.CRITICAL : Severity.WARNING;
                String measuredText = String.format(java.util.Locale.ROOT, "%s %.3f", p.measure(), p.score())
                        + (hasAuc ? String.format(java.util.Locale.ROOT, ", AUC %.4f; next best feature %.3f",
                        auc, runnerUp) : "")
                        + (modelAuc == null ? "" : String.format(java.util.Locale.ROOT, "; the model's AUC %.3f", modelAuc));
                findings.add(new Finding(ID, s, String.format(java.util.Locale.ROOT,
                        "'%s' alone predicts '%s' with power %.2f (%s): is it known at prediction time?",
                        p.feature(), c.data().target().column(), power, measuredText),
                        test.rowCount(), List.of(), null, p.evidence()));
            }
        }
        List<LeakageMeasurements.IdentifierLike> ids = new ArrayList<>();
        Table own = noTraining ? test : train;
        String ownName = noTraining ? "scored" : "training";
        for (Column col : own.features()) {
            double distinct = distinctShare(col);
            // Free text is distinct row by row by nature (a review, a sentence): never an identifier.
            boolean keyLike = col.type() == ColumnType.CATEGORICAL || col instanceof NumericColumn n && numericKey(col.name(), n);
            if (distinct >= c.threshold(this, ID_DISTINCT) && keyLike && own.rowCount() >= 20) {
                LeakageMeasurements.IdentifierLike o = new LeakageMeasurements.IdentifierLike(col.name(), distinct);
                ids.add(o);
                findings.add(new Finding(ID, Severity.WARNING, String.format(java.util.Locale.ROOT,
                        "'%s' looks like an identifier (%.0f%% of %s rows have their own value); the model may memorise it",
                        col.name(), 100 * distinct, ownName), test.rowCount(), List.of(), null, o.evidence()));
            }
        }
        findings.sort(java.util.Comparator.comparing(Finding::severity).reversed());
        LeakageMeasurements m = dup == null
                ? new LeakageMeasurements(null, null, null, null, null, null, LeakageMeasurements.NO_TRAINING_ROWS,
                        powerMethod, powers, modelAuc, ids)
                : new LeakageMeasurements(dup.count(), dup.share(), dup.copies(), dup.copiedShare(), dup.conflicting(),
                        dup.chance(), null, powerMethod, powers, modelAuc, ids);
        return new Detection(m, findings);
    }

    /** Test rows found among the training rows: all, the copies among them, those with another target, and the copies chance gives. */
    private record Duplicates(int count, double share, int copies, double copiedShare, int conflicting, double chance) {
    }

    /**
     * Whether a number is a key: whole numbers named like one ({@code id}, {@code key}, {@code number}, …)
     * or nearly filling their range (1..n, 100001..100000+n, as keys are handed out). An amount of money
     * has many distinct values too, but spread over a range far wider than the row count.
     */
    static boolean numericKey(String name, NumericColumn n) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int present = 0;
        for (double v : n.values()) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (v != Math.rint(v)) {
                return false;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
            present++;
        }
        if (present == 0) {
            return false;
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean named = lower.matches(".*(^|[^a-z])(id|key|uuid|guid|no|nr|num|number|code|index|idx)([^a-z]|$).*")
                || lower.endsWith("id") && !lower.endsWith("aid") && !lower.endsWith("paid");
        return named || max - min + 1 <= 2.0 * present;
    }

    private Duplicates duplicates(DetectorContext c, Table train, Table test, List<Finding> findings) {
        List<String> names = train.features().stream().map(Column::name).filter(n -> test.find(n).isPresent()).toList();
        String target = c.data().target().column();
        // Per combination of feature values in the training rows: how often it occurs and with which targets.
        RowCounts seen = RowCounts.of(RowHashes.of(train, names), RowHashes.values(train.column(target)));
        long[] testRows = RowHashes.of(test, names);
        long[] testTargets = RowHashes.values(test.column(target));
        int rare = c.threshold(this, DUPLICATE_RARE);
        boolean[] copied = new boolean[test.rowCount()];
        int count = 0;
        int copies = 0;
        int conflicting = 0;
        for (int i = 0; i < test.rowCount(); i++) {
            int times = seen.count(testRows[i]);
            if (times == 0) {
                continue;
            }
            count++;
            boolean agrees = seen.onlyTarget(testRows[i], testTargets[i]);
            conflicting += agrees ? 0 : 1;
            // A record copied into both sets: a rare combination of values, with the same target. A
            // common combination (few-valued features) repeats by chance and says nothing.
            if (times <= rare && agrees) {
                copied[i] = true;
                copies++;
            }
        }
        double share = test.rowCount() == 0 ? 0 : (double) count / test.rowCount();
        double copiedShare = test.rowCount() == 0 ? 0 : (double) copies / test.rowCount();
        double chance = ChanceCopies.expected(train, test, names, target, rare);
        if (copies > 0) {
            // Material (the share beyond chance) and significant (more copies than chance allows).
            double excessShare = (copies - chance) / test.rowCount();
            boolean beyondChance = ChanceCopies.beyondChance(copies, chance);
            Severity s = beyondChance && excessShare >= c.threshold(this, DUPLICATE_WARNING_SHARE) ? Severity.WARNING
                    : Severity.INFO;
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("copied_test_rows", copies);
            ev.put("share", copiedShare);
            ev.put("expected_by_chance", chance);
            ev.put("duplicate_test_rows", count);
            ev.put("conflicting_duplicates", conflicting);
            findings.add(new Finding(ID, s, String.format(java.util.Locale.ROOT,
                    "%d test rows (%.1f%%) are copies of a training row (a combination of values found at most %d times in"
                            + " training, with the same target)%s", copies, 100 * copiedShare, rare,
                    beyondChance ? String.format(java.util.Locale.ROOT, "; about %.0f would be by chance", chance)
                            : String.format(java.util.Locale.ROOT, "; as many as chance gives for these columns (%.0f)", chance)),
                    copies, RowKeys.of(c.data().testKeys(), copied), "leakage", ev));
        } else if (count > 0) {
            findings.add(new Finding(ID, Severity.INFO, String.format(java.util.Locale.ROOT,
                    "%d test rows (%.1f%%) repeat a common combination of training values (%d with another target"
                            + " there): chance, not copies", count, 100 * share, conflicting), count, List.of(), null,
                    Map.of("duplicate_test_rows", count, "share", share, "conflicting_duplicates", conflicting)));
        }
        return new Duplicates(count, share, copies, copiedShare, conflicting, chance);
    }

    /**
     * Each feature's power: a per-level rule (majority class or mean of the target per value or
     * quantile bin) fitted on some rows and scored on others — training → test rows, or, without
     * training rows, two seeded halves of the scored rows, each scored by the rule of the other.
     */
    private List<LeakageMeasurements.FeaturePower> power(DetectorContext c, Table train, Table test) {
        boolean crossFit = train.rowCount() == 0;
        Table stacked;
        int[] fold;
        if (crossFit) {
            stacked = test;
            fold = halves(test.rowCount(), c.seed());
        } else {
            int[] all = java.util.stream.IntStream.range(0, train.rowCount()).toArray();
            int[] allTest = java.util.stream.IntStream.range(0, test.rowCount()).toArray();
            stacked = Stacked.of(train, all, test, allTest);
            fold = new int[train.rowCount() + test.rowCount()];
            java.util.Arrays.fill(fold, train.rowCount(), fold.length, 1);
        }
        List<Column> features = stacked.features().stream().filter(col -> !col.name().equals(Stacked.DOMAIN)).toList();
        FeatureCodes codes = FeatureCodes.of(features, stacked.rowCount(), c.threshold(this, BINS));
        boolean classification = c.classification();
        int[] y = null;
        double[] v = null;
        if (classification) {
            int[] a = crossFit ? new int[0] : ScanData.labels(train, c.data().target());
            int[] b = ScanData.labels(test, c.data().target());
            y = concat(a, b);
        } else {
            double[] a = crossFit ? new double[0] : ScanData.values(train, c.data().target());
            double[] b = ScanData.values(test, c.data().target());
            v = new double[a.length + b.length];
            System.arraycopy(a, 0, v, 0, a.length);
            System.arraycopy(b, 0, v, a.length, b.length);
        }
        int k = classification ? c.data().target().classCount() : 0;
        // Which fold's rule scores each fold: 1 ← 0 when fitted on training rows; 0 ↔ 1 when cross-fitted.
        int[][] fitEval = crossFit ? new int[][]{{0, 1}, {1, 0}} : new int[][]{{0, 1}};
        int[] labels = y;
        double[] values = v;
        // Each feature's rule is independent of the others': fitted and scored in parallel, kept in feature order.
        List<LeakageMeasurements.FeaturePower> out = java.util.stream.IntStream.range(0, codes.features()).parallel().mapToObj(f -> {
            int[] col = codes.codes().get(f);
            int levels = codes.levels(f) + 1;
            double right = 0;
            double baseRight = 0;
            double sse = 0;
            double sst = 0;
            int scored = 0;
            boolean binary = classification && k == 2;
            // Ranking scores per class: the share of the class in the row's level (binary: of the positive
            // class only); a multi-class target gets the macro one-vs-rest AUC of them.
            boolean ranked = classification && k >= 2 && k <= MAX_AUC_CLASSES;
            double[][] aucScore = ranked ? new double[binary ? 1 : k][col.length] : null;
            int[] aucClass = ranked ? new int[col.length] : null;
            int aucRows = 0;
            for (int[] fe : fitEval) {
                if (classification) {
                    int[][] counts = new int[levels][k];
                    int[] overall = new int[k];
                    for (int i = 0; i < col.length; i++) {
                        if (fold[i] == fe[0]) {
                            counts[col[i]][labels[i]]++;
                            overall[labels[i]]++;
                        }
                    }
                    int majority = argmax(overall);
                    // Each level's rule once, not once per scored row.
                    int[] guessOf = new int[levels];
                    int[] seenOf = new int[levels];
                    for (int l = 0; l < levels; l++) {
                        seenOf[l] = Arrays.stream(counts[l]).sum();
                        guessOf[l] = seenOf[l] == 0 ? majority : argmax(counts[l]);
                    }
                    int fitted = Arrays.stream(overall).sum();
                    for (int i = 0; i < col.length; i++) {
                        if (fold[i] == fe[1]) {
                            right += guessOf[col[i]] == labels[i] ? 1 : 0;
                            baseRight += majority == labels[i] ? 1 : 0;
                            scored++;
                            if (ranked) {
                                // The share of each class in the row's level: a ranking score, free of the majority vote's cut.
                                int[] cnt = counts[col[i]];
                                int seen = seenOf[col[i]];
                                for (int j = 0; j < aucScore.length; j++) {
                                    int cls = binary ? 1 : j;
                                    aucScore[j][aucRows] = seen == 0 ? (double) overall[cls] / Math.max(1, fitted)
                                            : (double) cnt[cls] / seen;
                                }
                                aucClass[aucRows++] = labels[i];
                            }
                        }
                    }
                } else {
                    double[] sum = new double[levels];
                    int[] cnt = new int[levels];
                    double total = 0;
                    int fitted = 0;
                    for (int i = 0; i < col.length; i++) {
                        if (fold[i] == fe[0]) {
                            sum[col[i]] += values[i];
                            cnt[col[i]]++;
                            total += values[i];
                            fitted++;
                        }
                    }
                    double mean = fitted == 0 ? 0 : total / fitted;
                    for (int i = 0; i < col.length; i++) {
                        if (fold[i] == fe[1]) {
                            int l = col[i];
                            double guess = cnt[l] == 0 ? mean : sum[l] / cnt[l];
                            sse += (values[i] - guess) * (values[i] - guess);
                            sst += (values[i] - mean) * (values[i] - mean);
                            scored++;
                        }
                    }
                }
            }
            double score;
            double base;
            if (classification) {
                score = scored == 0 ? 0 : right / scored;
                base = scored == 0 ? 1 : baseRight / scored;
            } else {
                score = sst == 0 ? 0 : 1 - sse / sst;
                base = 0;
            }
            double power = base >= 1 ? 0 : Math.max(0, (score - base) / (1 - base));
            Double auc = null;
            if (ranked && aucRows > 0) {
                double ranking = classAuc(aucScore, aucClass, aucRows, binary);
                if (binary && stacked.column(codes.names().get(f)) instanceof NumericColumn num) {
                    // A number also ranks the rows by itself (either way round), with no bins to blur the boundary.
                    ranking = Math.max(ranking, rawAuc(num.values(), fold, fitEval, labels));
                }
                auc = Double.isNaN(ranking) ? null : ranking;
            }
            return new LeakageMeasurements.FeaturePower(codes.names().get(f), classification ? "accuracy" : "r2", score, base,
                    power, auc, null, null);
        }).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        out.sort((a, b) -> Double.compare(b.power(), a.power()));
        return out;
    }

    /** AUC of the ranking scores: of the positive class (binary), or the mean one-vs-rest AUC over the classes present. */
    private static double classAuc(double[][] score, int[] cls, int rows, boolean binary) {
        double sum = 0;
        int counted = 0;
        for (int j = 0; j < score.length; j++) {
            int positive = binary ? 1 : j;
            boolean[] pos = new boolean[rows];
            for (int i = 0; i < rows; i++) {
                pos[i] = cls[i] == positive;
            }
            double auc = Auc.of(Arrays.copyOf(score[j], rows), pos);
            if (!Double.isNaN(auc)) {
                sum += auc;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** The scanned model's AUC on the test rows, for a binary target; null otherwise. */
    private static Double modelAuc(DetectorContext c) {
        if (c.data().target().classCount() != 2 || c.predictions() == null || c.predictions().classes().size() != 2) {
            return null;
        }
        int[] y = ScanData.labels(c.data().test(), c.data().target());
        int positive = c.predictions().classes().indexOf(c.data().target().classes().get(1));
        if (positive < 0) {
            return null;
        }
        double[] score = new double[y.length];
        boolean[] pos = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            score[i] = c.predictions().probability(i, positive);
            pos[i] = y[i] == 1;
        }
        double auc = Auc.of(score, pos);
        return Double.isNaN(auc) ? null : auc;
    }

    /** AUC of a number's own value on the scored rows where it is present, taken either way round. */
    private static double rawAuc(double[] values, int[] fold, int[][] fitEval, int[] y) {
        int n = 0;
        double[] score = new double[values.length];
        boolean[] positive = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            boolean scored = false;
            for (int[] fe : fitEval) {
                scored |= fold[i] == fe[1];
            }
            if (scored && !Double.isNaN(values[i])) {
                score[n] = values[i];
                positive[n++] = y[i] == 1;
            }
        }
        int positives = 0;
        for (int i = 0; i < n; i++) {
            positives += positive[i] ? 1 : 0;
        }
        if (Math.min(positives, n - positives) < MIN_CLASS_ROWS) {
            return 0; // too few present rows of a class for an AUC worth reporting
        }
        double auc = Auc.of(Arrays.copyOf(score, n), Arrays.copyOf(positive, n));
        return Double.isNaN(auc) ? 0 : Math.max(auc, 1 - auc);
    }

    /** A seeded assignment of {@code n} rows to two halves (0 and 1). */
    private static int[] halves(int n, long seed) {
        int[] order = Permutation.shuffled(n, new java.util.Random(seed ^ 0x1eadL));
        int[] fold = new int[n];
        for (int r = n / 2; r < n; r++) {
            fold[order[r]] = 1;
        }
        return fold;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int argmax(int[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double distinctShare(Column col) {
        long[] hashes = RowHashes.values(col);
        long[] present = new long[hashes.length];
        int n = 0;
        for (int i = 0; i < hashes.length; i++) {
            if (!col.isMissing(i)) {
                present[n++] = hashes[i];
            }
        }
        if (n == 0) {
            return 0;
        }
        Arrays.sort(present, 0, n);
        int distinct = 1;
        for (int i = 1; i < n; i++) {
            distinct += present[i] != present[i - 1] ? 1 : 0;
        }
        return (double) distinct / n;
    }

    @Override
    public Class<LeakageMeasurements> measurementType() {
        return LeakageMeasurements.class;
    }

    @Override
    public List<DetectorChart> charts(Measurements measurements) {
        if (!(measurements instanceof LeakageMeasurements m)) {
            return List.of();
        }
        return ChartRows.bars("Predictive power of each feature alone", "feature", "power (0 = none, 1 = perfect)",
                m.singleFeaturePower(), LeakageMeasurements.FeaturePower::feature, LeakageMeasurements.FeaturePower::power);
    }
}
