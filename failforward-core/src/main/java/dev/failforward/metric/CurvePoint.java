package dev.failforward.metric;

import dev.failforward.api.PublicApi;

/** One point of a curve (ROC: x = false-positive rate, y = true-positive rate). */
@PublicApi
public record CurvePoint(double x, double y) {
}
