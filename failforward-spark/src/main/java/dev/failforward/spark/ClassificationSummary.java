package dev.failforward.spark;

import java.io.Serializable;

/**
 * The mergeable part of a classification evaluation: the confusion matrix, the sums of log loss and
 * Brier score, and the ten calibration bins (count, sum of predicted probabilities, hits), computed as
 * {@code dev.failforward.metric.Metrics} does. Partitions summarise their rows; summaries add up.
 */
final class ClassificationSummary implements Serializable {

    static final int BINS = 10;
    /** Probabilities are clipped to this before the logarithm, as {@code Metrics} does. */
    private static final double EPS = 1e-15;

    final long[][] confusion;
    double logLoss;
    double brier;
    final long[] binCount = new long[BINS];
    final double[] binPredicted = new double[BINS];
    final long[] binHits = new long[BINS];

    ClassificationSummary(int classes) {
        confusion = new long[classes][classes];
    }

    /** Adds one row: its true class, the predicted class and the class probabilities at {@code probs[offset…]}. */
    void add(int truth, int predicted, double[] probs, int offset) {
        int k = confusion.length;
        confusion[truth][predicted]++;
        logLoss -= Math.log(Math.max(EPS, Math.min(1 - EPS, probs[offset + truth])));
        for (int c = 0; c < k; c++) {
            double d = probs[offset + c] - (c == truth ? 1 : 0);
            brier += d * d;
        }
        // Binary: the positive class's probability against the truth; more classes: confidence against being right.
        double p = k == 2 ? probs[offset + 1] : probs[offset + predicted];
        boolean observed = k == 2 ? truth == 1 : predicted == truth;
        int b = Math.min(BINS - 1, (int) (p * BINS));
        binCount[b]++;
        binPredicted[b] += p;
        binHits[b] += observed ? 1 : 0;
    }

    ClassificationSummary merge(ClassificationSummary o) {
        for (int i = 0; i < confusion.length; i++) {
            for (int j = 0; j < confusion.length; j++) {
                confusion[i][j] += o.confusion[i][j];
            }
        }
        logLoss += o.logLoss;
        brier += o.brier;
        for (int b = 0; b < BINS; b++) {
            binCount[b] += o.binCount[b];
            binPredicted[b] += o.binPredicted[b];
            binHits[b] += o.binHits[b];
        }
        return this;
    }

    long rows() {
        long n = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }
}
