package dev.failforward.probe;

import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Pushes one numeric feature per row towards an edge of its training range and beyond: at level
 * {@code L ≤ 1} the value moves the share {@code L} of the way to the edge (1 = at the minimum or
 * maximum), at {@code L > 1} it lies {@code L − 1} range widths past it. The feature and the edge are
 * drawn once per row, so stronger levels push the same cells further. Fitted on the training rows it
 * uses their range; unfitted, the test rows' range.
 */
public final class EdgeValuesProbe implements Probe {

    private final Map<String, double[]> trainRanges;

    public EdgeValuesProbe() {
        this(Map.of());
    }

    private EdgeValuesProbe(Map<String, double[]> trainRanges) {
        this.trainRanges = trainRanges;
    }

    @Override
    public String id() {
        return "edge-values";
    }

    @Override
    public String description() {
        return "one numeric feature per row moved to its training minimum or maximum (level 1) and beyond (level > 1)";
    }

    @Override
    public List<Double> levels() {
        return List.of(0.5, 1.0, 2.0);
    }

    @Override
    public Probe fit(Table train) {
        Map<String, double[]> ranges = new HashMap<>();
        for (NumericColumn c : Columns.numericFeatures(train)) {
            ranges.put(c.name(), range(c));
        }
        return new EdgeValuesProbe(ranges);
    }

    @Override
    public boolean appliesTo(Table test) {
        return !Columns.numericFeatures(test).isEmpty();
    }

    @Override
    public Table perturb(Table test, double level, long seed) {
        List<NumericColumn> columns = Columns.numericFeatures(test);
        if (columns.isEmpty() || level == 0) {
            return test;
        }
        double[][] out = new double[columns.size()][];
        double[][] ranges = new double[columns.size()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = columns.get(c).values().clone();
            double[] known = trainRanges.get(columns.get(c).name());
            ranges[c] = known != null ? known : range(columns.get(c));
        }
        for (int r = 0; r < test.rowCount(); r++) {
            SplittableRandom random = RowRandom.of(seed, id(), 0, r);
            int c = random.nextInt(out.length);
            boolean up = random.nextBoolean();
            double x = out[c][r];
            double min = ranges[c][0];
            double max = ranges[c][1];
            if (Double.isNaN(x) || Double.isNaN(min)) {
                continue;
            }
            double edge = up ? max : min;
            out[c][r] = level <= 1 ? x + level * (edge - x) : edge + (up ? 1 : -1) * (level - 1) * (max - min);
        }
        Table result = test;
        for (int c = 0; c < out.length; c++) {
            result = result.replace(new NumericColumn(columns.get(c).name(), out[c]));
        }
        return result;
    }

    /** Minimum and maximum of the present values; NaN when there are none. */
    private static double[] range(NumericColumn c) {
        double min = Double.NaN;
        double max = Double.NaN;
        for (double v : c.values()) {
            if (!Double.isNaN(v)) {
                min = Double.isNaN(min) ? v : Math.min(min, v);
                max = Double.isNaN(max) ? v : Math.max(max, v);
            }
        }
        return new double[] {min, max};
    }
}
