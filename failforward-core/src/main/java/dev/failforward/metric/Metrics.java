package dev.failforward.metric;

import dev.failforward.model.Predictions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes {@link Evaluation}s from predictions and the true values. */
public final class Metrics {

    /** Probabilities are clipped to this before taking logarithms, as scikit-learn does. */
    static final double EPS = 1e-15;
    static final int CALIBRATION_BINS = 10;

    private Metrics() {
    }

    /** Classification: {@code truth[i]} is the index of row i's true class. */
    public static Evaluation classification(Predictions p, int[] truth) {
        int n = truth.length;
        int k = p.classes().size();
        long[][] confusion = new long[k][k];
        double logLoss = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            confusion[truth[i]][p.predictedClass(i)]++;
            logLoss -= Math.log(Math.max(EPS, Math.min(1 - EPS, p.probability(i, truth[i]))));
            for (int c = 0; c < k; c++) {
                double d = p.probability(i, c) - (c == truth[i] ? 1 : 0);
                brier += d * d;
            }
        }
        List<CalibrationBin> calibration;
        if (k == 2) {
            double[] score = new double[n];
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                score[i] = p.probability(i, 1);
                positive[i] = truth[i] == 1;
            }
            calibration = calibration(score, positive);
        } else {
            double[] confidence = new double[n];
            boolean[] right = new boolean[n];
            for (int i = 0; i < n; i++) {
                int c = p.predictedClass(i);
                confidence[i] = p.probability(i, c);
                right[i] = c == truth[i];
            }
            calibration = calibration(confidence, right);
        }
        return classification(p.classes(), confusion, p.probabilities(), truth, logLoss, brier, calibration);
    }

    /**
     * Classification from what sums over rows (the confusion matrix, the sums of log loss and of
     * squared probability errors, the calibration bins) and the scores the ROC needs in order, so
     * that summaries merged across partitions give the same evaluation as the rows themselves.
     *
     * @param probabilities every row's class probabilities, row-major, in the order of {@code classes}
     * @param truth         every row's true class
     */
    public static Evaluation classification(List<String> classes, long[][] confusion, double[] probabilities, int[] truth,
                                            double logLossSum, double brierSum, List<CalibrationBin> calibration) {
        int k = classes.size();
        long n = 0;
        for (long[] row : confusion) {
            n += Arrays.stream(row).sum();
        }
        List<ClassMetrics> perClass = new ArrayList<>();
        long correct = 0;
        double recallSum = 0;
        double precisionSum = 0;
        double f1Sum = 0;
        for (int c = 0; c < k; c++) {
            long tp = confusion[c][c];
            long actual = Arrays.stream(confusion[c]).sum();
            long predicted = 0;
            for (long[] row : confusion) {
                predicted += row[c];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassMetrics(classes.get(c), precision, recall, f1, actual));
            correct += tp;
            recallSum += recall;
            precisionSum += precision;
            f1Sum += f1;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", (double) correct / n);
        m.put("balanced_accuracy", recallSum / k);
        List<CurvePoint> roc = List.of();
        if (k == 2) {
            double[] score = new double[truth.length];
            boolean[] positive = new boolean[truth.length];
            for (int i = 0; i < truth.length; i++) {
                score[i] = probabilities[i * 2 + 1];
                positive[i] = truth[i] == 1;
            }
            m.put("roc_auc", rocAuc(score, positive));
            ClassMetrics pos = perClass.get(1);
            m.put("precision", pos.precision());
            m.put("recall", pos.recall());
            m.put("f1", pos.f1());
            roc = rocCurve(score, positive);
        } else {
            m.put("roc_auc", macroOneVsRestAuc(probabilities, truth, k));
            m.put("precision_macro", precisionSum / k);
            m.put("recall_macro", recallSum / k);
            m.put("f1_macro", f1Sum / k);
        }
        m.put("log_loss", logLossSum / n);
        // Binary: the mean squared error of the positive class's probability, as scikit-learn's
        // brier_score_loss and most papers report it (half the two-class sum). Multi-class: Brier's
        // original sum over the classes.
        m.put("brier_score", (k == 2 ? brierSum / 2 : brierSum) / n);
        return new Evaluation(m, perClass, confusion, roc, calibration);
    }

    public static Evaluation regression(Predictions p, double[] truth) {
        int n = truth.length;
        double mean = Arrays.stream(truth).average().orElse(0);
        double se = 0;
        double ae = 0;
        double tot = 0;
        for (int i = 0; i < n; i++) {
            double e = p.value(i) - truth[i];
            se += e * e;
            ae += Math.abs(e);
            tot += (truth[i] - mean) * (truth[i] - mean);
        }
        return regression(se, ae, tot, n);
    }

    /**
     * Regression from sums over rows: of squared errors, of absolute errors and of squared
     * deviations of the truth from its mean, over {@code n} rows.
     */
    public static Evaluation regression(double squaredErrors, double absoluteErrors, double totalSquares, double n) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rmse", Math.sqrt(squaredErrors / n));
        m.put("mae", absoluteErrors / n);
        m.put("r2", totalSquares == 0 ? 0 : 1 - squaredErrors / totalSquares);
        return new Evaluation(m, List.of(), new long[0][0], List.of(), List.of());
    }

    /** ROC AUC as the Mann–Whitney statistic with tied scores counted half. NaN when one class is absent. */
    public static double rocAuc(double[] score, boolean[] positive) {
        int n = score.length;
        Integer[] order = sortedIndexes(score);
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                if (positive[order[t]]) {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static double macroOneVsRestAuc(double[] probabilities, int[] truth, int k) {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < k; c++) {
            double[] score = new double[truth.length];
            boolean[] positive = new boolean[truth.length];
            for (int i = 0; i < truth.length; i++) {
                score[i] = probabilities[i * k + c];
                positive[i] = truth[i] == c;
            }
            double auc = rocAuc(score, positive);
            if (!Double.isNaN(auc)) {
                sum += auc;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** The ROC curve's corner points, from (0,0) to (1,1), one per distinct score. */
    public static List<CurvePoint> rocCurve(double[] score, boolean[] positive) {
        Integer[] order = sortedIndexes(score);
        long positives = 0;
        for (boolean b : positive) {
            positives += b ? 1 : 0;
        }
        long negatives = positive.length - positives;
        List<CurvePoint> points = new ArrayList<>();
        points.add(new CurvePoint(0, 0));
        if (positives == 0 || negatives == 0) {
            return points;
        }
        long tp = 0;
        long fp = 0;
        for (int i = order.length - 1; i >= 0; i--) {
            if (positive[order[i]]) {
                tp++;
            } else {
                fp++;
            }
            if (i == 0 || score[order[i - 1]] != score[order[i]]) {
                points.add(new CurvePoint((double) fp / negatives, (double) tp / positives));
            }
        }
        return points;
    }

    static List<CalibrationBin> calibration(double[] predicted, boolean[] observed) {
        long[] count = new long[CALIBRATION_BINS];
        double[] sumPredicted = new double[CALIBRATION_BINS];
        long[] hits = new long[CALIBRATION_BINS];
        for (int i = 0; i < predicted.length; i++) {
            int b = Math.min(CALIBRATION_BINS - 1, (int) (predicted[i] * CALIBRATION_BINS));
            count[b]++;
            sumPredicted[b] += predicted[i];
            hits[b] += observed[i] ? 1 : 0;
        }
        List<CalibrationBin> bins = new ArrayList<>();
        for (int b = 0; b < CALIBRATION_BINS; b++) {
            if (count[b] > 0) {
                bins.add(new CalibrationBin((double) b / CALIBRATION_BINS, (double) (b + 1) / CALIBRATION_BINS,
                        sumPredicted[b] / count[b], (double) hits[b] / count[b], count[b]));
            }
        }
        return bins;
    }

    private static Integer[] sortedIndexes(double[] score) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        return order;
    }
}
