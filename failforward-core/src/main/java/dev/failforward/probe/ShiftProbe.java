package dev.failforward.probe;

import java.util.List;

/**
 * Adds {@code level} standard deviations to numeric features: an offset such as a changed baseline.
 * Negative levels lower the values. On one column with a directional expectation it states
 * "raising X must not raise Y" (CheckList DIR).
 */
public final class ShiftProbe extends NumericProbe {

    @Override
    public String id() {
        return "shift";
    }

    @Override
    public String description() {
        return "level × each feature's standard deviation added to numeric features";
    }

    @Override
    public List<Double> levels() {
        return levels(0.1, 0.5, 1);
    }

    @Override
    double change(double value, double level, double sd) {
        return value + level * sd;
    }
}
