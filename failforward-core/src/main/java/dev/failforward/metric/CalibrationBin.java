package dev.failforward.metric;

import dev.failforward.api.PublicApi;

/** Rows whose predicted probability fell in {@code [lower, upper)}: their mean prediction and the observed rate. */
@PublicApi
public record CalibrationBin(double lower, double upper, double meanPredicted, double observedRate, long count) {
}
