package dev.failforward.spark;

import dev.failforward.metric.CalibrationBin;
import dev.failforward.metric.ClassMetrics;
import dev.failforward.metric.CurvePoint;
import dev.failforward.metric.Evaluation;
import dev.failforward.metric.Metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Evaluation} from merged summaries, by {@link Metrics}' formulas: everything but the ROC
 * from the summaries; ROC AUC and the ROC curve, which need every score in order, from the scores
 * gathered on the driver.
 */
final class Evaluations {

    private Evaluations() {
    }

    /**
     * @param probs  every row's class probabilities, row-major
     * @param truth  every row's true class
     */
    static Evaluation classification(ClassificationSummary s, List<String> classes, double[] probs, int[] truth) {
        int k = classes.size();
        long n = s.rows();
        long[][] confusion = s.confusion;
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
                score[i] = probs[i * 2 + 1];
                positive[i] = truth[i] == 1;
            }
            m.put("roc_auc", Metrics.rocAuc(score, positive));
            ClassMetrics pos = perClass.get(1);
            m.put("precision", pos.precision());
            m.put("recall", pos.recall());
            m.put("f1", pos.f1());
            roc = Metrics.rocCurve(score, positive);
        } else {
            m.put("roc_auc", macroAuc(probs, truth, k));
            m.put("precision_macro", precisionSum / k);
            m.put("recall_macro", recallSum / k);
            m.put("f1_macro", f1Sum / k);
        }
        m.put("log_loss", s.logLoss / n);
        // As core's Metrics: binary, the positive class's mean squared error (half the two-class sum).
        m.put("brier_score", (k == 2 ? s.brier / 2 : s.brier) / n);
        List<CalibrationBin> calibration = new ArrayList<>();
        int bins = ClassificationSummary.BINS;
        for (int b = 0; b < bins; b++) {
            if (s.binCount[b] > 0) {
                calibration.add(new CalibrationBin((double) b / bins, (double) (b + 1) / bins,
                        s.binPredicted[b] / s.binCount[b], (double) s.binHits[b] / s.binCount[b], s.binCount[b]));
            }
        }
        return new Evaluation(m, perClass, confusion, roc, calibration);
    }

    static Evaluation regression(RegressionSummary s) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rmse", Math.sqrt(s.squaredError / s.n));
        m.put("mae", s.absoluteError / s.n);
        m.put("r2", s.m2 == 0 ? 0 : 1 - s.squaredError / s.m2);
        return new Evaluation(m, List.of(), new long[0][0], List.of(), List.of());
    }

    private static double macroAuc(double[] probs, int[] truth, int k) {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < k; c++) {
            double[] score = new double[truth.length];
            boolean[] positive = new boolean[truth.length];
            for (int i = 0; i < truth.length; i++) {
                score[i] = probs[i * k + c];
                positive[i] = truth[i] == c;
            }
            double auc = Metrics.rocAuc(score, positive);
            if (!Double.isNaN(auc)) {
                sum += auc;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

}
