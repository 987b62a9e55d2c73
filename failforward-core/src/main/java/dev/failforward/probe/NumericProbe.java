package dev.failforward.probe;

import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.List;

/**
 * A probe that changes every present value of every numeric feature by the same rule, with no
 * randomness: {@code scale}, {@code shift} and {@code rounding} only differ in {@link #change}.
 */
abstract class NumericProbe implements Probe {

    /** The new value of {@code value}, a present value of a feature whose standard deviation is {@code sd}. */
    abstract double change(double value, double level, double sd);

    @Override
    public boolean appliesTo(Table test) {
        return !Columns.numericFeatures(test).isEmpty();
    }

    @Override
    public Table perturb(Table test, double level, long seed) {
        if (level == 0) {
            return test;
        }
        Table result = test;
        for (NumericColumn c : Columns.numericFeatures(test)) {
            double sd = Columns.spread(c);
            double[] v = c.values().clone();
            for (int r = 0; r < v.length; r++) {
                if (!Double.isNaN(v[r])) {
                    v[r] = change(v[r], level, sd);
                }
            }
            result = result.replace(new NumericColumn(c.name(), v));
        }
        return result;
    }

    static List<Double> levels(double... levels) {
        return java.util.Arrays.stream(levels).boxed().toList();
    }
}
