package dev.failforward.spark;

import java.io.Serializable;

/**
 * What an executor sends back for one batch of scored rows: each row's dataset index and key, its true
 * class index (or true value) and the model's output (class probabilities row-major, or values), the
 * batch's mergeable evaluation summary, and for the slice search's bins every numeric feature's values
 * and whether each categorical feature had a missing value.
 */
record ScoredBatch(long[] index, String[] keys, int[] truth, double[] truthValues, double[] outputs,
                   ClassificationSummary classification, RegressionSummary regression,
                   double[][] numericValues, boolean[] categoricalMissing) implements Serializable {

    int rows() {
        return index.length;
    }
}
