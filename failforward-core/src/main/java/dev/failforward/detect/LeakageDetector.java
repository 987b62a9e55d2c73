package dev.failforward.detect;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.scan.ScanData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code leakage}: signs that the evaluation is too easy to be true, reported as suspicions with
 * evidence. Test rows that duplicate a training row (≥ {@code duplicate-warning-share} of the test
 * rows is a warning); a single feature that predicts the target almost alone (its predictive power
 * on the test rows, learned per value or quantile bin on the training rows and scaled so 0 = no
 * better than the majority class / the mean and 1 = perfect: ≥ {@code power-warning} warning,
 * ≥ {@code power-critical} critical); and identifier-like columns (at least {@code id-distinct}
 * of the training rows distinct, text or whole numbers).
 */
public final class LeakageDetector implements Detector {

    public static final String ID = "leakage";

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

    @Override
    public Map<String, Double> thresholds() {
        Map<String, Double> t = new LinkedHashMap<>();
        t.put("duplicate-warning-share", 0.05);
        t.put("power-warning", 0.9);
        t.put("power-critical", 0.95);
        t.put("bins", 20.0);
        t.put("id-distinct", 0.95);
        return t;
    }

    @Override
    public Detection detect(DetectorContext c) {
        Table train = c.data().train();
        Table test = c.data().test();
        List<Finding> findings = new ArrayList<>();
        Map<String, Object> m = new LinkedHashMap<>();
        duplicates(c, train, test, m, findings);
        List<Map<String, Object>> powers = power(c, train, test);
        m.put("single_feature_power", powers);
        for (Map<String, Object> p : powers) {
            double power = (double) p.get("power");
            if (power >= c.threshold(this, "power-warning")) {
                Severity s = power >= c.threshold(this, "power-critical") ? Severity.CRITICAL : Severity.WARNING;
                findings.add(new Finding(ID, s, String.format(java.util.Locale.ROOT,
                        "'%s' alone predicts '%s' with power %.2f (%s %.3f): is it known at prediction time?",
                        p.get("feature"), c.data().target().column(), power, p.get("measure"), (double) p.get("score")),
                        test.rowCount(), List.of(), null, p));
            }
        }
        List<Map<String, Object>> ids = new ArrayList<>();
        for (Column col : train.features()) {
            double distinct = distinctShare(col);
            boolean wholeOrText = col.type() == ColumnType.TEXT || col.type() == ColumnType.CATEGORICAL
                    || (col instanceof NumericColumn n && Arrays.stream(n.values()).allMatch(v -> Double.isNaN(v) || v == Math.rint(v)));
            if (distinct >= c.threshold(this, "id-distinct") && wholeOrText && train.rowCount() >= 20) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("feature", col.name());
                o.put("distinct_share", distinct);
                ids.add(o);
                findings.add(new Finding(ID, Severity.WARNING, String.format(java.util.Locale.ROOT,
                        "'%s' looks like an identifier (%.0f%% of training rows have their own value); the model may memorise it",
                        col.name(), 100 * distinct), test.rowCount(), List.of(), null, o));
            }
        }
        m.put("identifier_like", ids);
        findings.sort(java.util.Comparator.comparing(Finding::severity).reversed());
        return new Detection(m, findings);
    }

    private void duplicates(DetectorContext c, Table train, Table test, Map<String, Object> m, List<Finding> findings) {
        List<String> names = train.features().stream().map(Column::name).filter(n -> test.find(n).isPresent()).toList();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < train.rowCount(); i++) {
            seen.add(rowText(train, names, i));
        }
        boolean[] dup = new boolean[test.rowCount()];
        int count = 0;
        for (int i = 0; i < test.rowCount(); i++) {
            if (seen.contains(rowText(test, names, i))) {
                dup[i] = true;
                count++;
            }
        }
        double share = test.rowCount() == 0 ? 0 : (double) count / test.rowCount();
        m.put("duplicate_test_rows", count);
        m.put("duplicate_share", share);
        if (count > 0) {
            Severity s = share >= c.threshold(this, "duplicate-warning-share") ? Severity.WARNING : Severity.INFO;
            findings.add(new Finding(ID, s, String.format(java.util.Locale.ROOT,
                    "%d test rows (%.1f%%) have an identical row in the training data", count, 100 * share), count,
                    RowKeys.of(c.data().testKeys(), dup), "leakage", Map.of("duplicate_test_rows", count, "share", share)));
        }
    }

    private static String rowText(Table t, List<String> names, int row) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(t.column(n).text(row)).append('\u0001');
        }
        return sb.toString();
    }

    private List<Map<String, Object>> power(DetectorContext c, Table train, Table test) {
        int[] all = java.util.stream.IntStream.range(0, train.rowCount()).toArray();
        int[] allTest = java.util.stream.IntStream.range(0, test.rowCount()).toArray();
        Table stacked = Stacked.of(train, all, test, allTest);
        List<Column> features = stacked.features();
        FeatureCodes codes = FeatureCodes.of(features, stacked.rowCount(), (int) c.threshold(this, "bins"));
        int nTrain = train.rowCount();
        int nTest = test.rowCount();
        boolean classification = c.classification();
        int[] yTrain = classification ? ScanData.labels(train, c.data().target()) : null;
        int[] yTest = classification ? ScanData.labels(test, c.data().target()) : null;
        double[] vTrain = classification ? null : ScanData.values(train, c.data().target());
        double[] vTest = classification ? null : ScanData.values(test, c.data().target());
        int k = classification ? c.data().target().classCount() : 0;
        List<Map<String, Object>> out = new ArrayList<>();
        for (int f = 0; f < codes.features(); f++) {
            int[] col = codes.codes().get(f);
            int levels = codes.levels(f) + 1;
            double score;
            double base;
            if (classification) {
                int[][] counts = new int[levels][k];
                int[] overall = new int[k];
                for (int i = 0; i < nTrain; i++) {
                    counts[col[i]][yTrain[i]]++;
                    overall[yTrain[i]]++;
                }
                int majority = argmax(overall);
                int right = 0;
                int baseRight = 0;
                for (int i = 0; i < nTest; i++) {
                    int[] cnt = counts[col[nTrain + i]];
                    int guess = Arrays.stream(cnt).sum() == 0 ? majority : argmax(cnt);
                    right += guess == yTest[i] ? 1 : 0;
                    baseRight += majority == yTest[i] ? 1 : 0;
                }
                score = (double) right / nTest;
                base = (double) baseRight / nTest;
            } else {
                double[] sum = new double[levels];
                int[] cnt = new int[levels];
                double mean = 0;
                for (int i = 0; i < nTrain; i++) {
                    sum[col[i]] += vTrain[i];
                    cnt[col[i]]++;
                    mean += vTrain[i] / nTrain;
                }
                double sse = 0;
                double sst = 0;
                for (int i = 0; i < nTest; i++) {
                    int l = col[nTrain + i];
                    double guess = cnt[l] == 0 ? mean : sum[l] / cnt[l];
                    sse += (vTest[i] - guess) * (vTest[i] - guess);
                    sst += (vTest[i] - mean) * (vTest[i] - mean);
                }
                score = sst == 0 ? 0 : 1 - sse / sst;
                base = 0;
            }
            double power = base >= 1 ? 0 : Math.max(0, (score - base) / (1 - base));
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("feature", codes.names().get(f));
            o.put("measure", classification ? "accuracy" : "r2");
            o.put("score", score);
            o.put("baseline", base);
            o.put("power", power);
            out.add(o);
        }
        out.sort((a, b) -> Double.compare((double) b.get("power"), (double) a.get("power")));
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
        Set<String> values = new HashSet<>();
        int present = 0;
        for (int i = 0; i < col.size(); i++) {
            if (!col.isMissing(i)) {
                values.add(col.text(i));
                present++;
            }
        }
        return present == 0 ? 0 : (double) values.size() / present;
    }
}
