package dev.failforward.metric;

/** Rows whose predicted probability fell in {@code [lower, upper)}: their mean prediction and the observed rate. */
public record CalibrationBin(double lower, double upper, double meanPredicted, double observedRate, long count) {
}
