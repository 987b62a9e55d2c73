package dev.failforward.probe;

import java.util.List;

/**
 * Multiplies numeric features by {@code 1 + level}: 0.1 is a 10% inflation, 9 a unit change such as
 * kilograms read as tenths of a kilogram. Negative levels shrink values (−0.5 halves them).
 */
public final class ScaleProbe extends NumericProbe {

    @Override
    public String id() {
        return "scale";
    }

    @Override
    public String description() {
        return "numeric features multiplied by (1 + level); level 9 is a tenfold unit change";
    }

    @Override
    public List<Double> levels() {
        return levels(0.1, 0.5, 9);
    }

    @Override
    double change(double value, double level, double sd) {
        return value * (1 + level);
    }
}
