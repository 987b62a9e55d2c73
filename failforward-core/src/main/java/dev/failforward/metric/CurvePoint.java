package dev.failforward.metric;

/** One point of a curve (ROC: x = false-positive rate, y = true-positive rate). */
public record CurvePoint(double x, double y) {
}
