package dev.failforward.probe;

import java.util.List;

/**
 * Rounds numeric features to a grid of {@code level} standard deviations, as when an upstream system
 * stores coarser values: the higher the level, the less precision is left.
 */
public final class RoundingProbe extends NumericProbe {

    @Override
    public String id() {
        return "rounding";
    }

    @Override
    public String description() {
        return "numeric features rounded to a grid of level × each feature's standard deviation";
    }

    @Override
    public List<Double> levels() {
        return levels(0.1, 0.5, 1);
    }

    @Override
    double change(double value, double level, double sd) {
        double step = Math.abs(level) * sd;
        return step > 0 ? Math.rint(value / step) * step : value;
    }
}
