package dev.failforward.explain.tree;

/**
 * Computes exact path-dependent SHAP values of one row for every output group of an ensemble.
 * Implementations keep per-call scratch space, so one instance serves one thread.
 */
public interface TreeShapAlgorithm {

    /**
     * Adds the row's SHAP values into {@code out}: for group g, feature f goes to
     * {@code out[g * (features + 1) + f]} and the expected value to {@code out[g * (features + 1) + features]}.
     * {@code rows} holds the row's features from {@code offset} on (NaN where missing); {@code out} must be zeroed.
     */
    void explain(double[] rows, int offset, double[] out);
}
