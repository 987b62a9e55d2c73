package dev.failforward.probe.adversarial;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The features the search may change and how far, derived from the training rows (spread, range, levels)
 * and the declared immutable columns and bounds. A row is a point: one value per {@link Axis} (numeric
 * values, or category codes). Builds scoring tables from points, so the model sees ordinary rows.
 */
final class SearchSpace {

    /** Numeric step sizes tried in each direction, in units of the feature's training standard deviation. */
    static final double[] STEPS = {0.1, 0.3, 1, 3};

    private final List<Axis> axes;
    private final Table test;

    private SearchSpace(List<Axis> axes, Table test) {
        this.axes = List.copyOf(axes);
        this.test = test;
    }

    static SearchSpace of(Table train, Table test, List<String> immutable, Map<String, Bound> bounds) {
        List<String> features = train.features().stream().map(Column::name).toList();
        for (String c : immutable) {
            if (!features.contains(c)) {
                throw new IllegalArgumentException("immutable column '" + c + "' is not a feature; features are " + features);
            }
        }
        for (Bound b : bounds.values()) {
            if (!features.contains(b.column()) || !(train.column(b.column()) instanceof NumericColumn)) {
                throw new IllegalArgumentException("bound column '" + b.column() + "' is not a numeric feature; features are "
                        + features);
            }
        }
        List<Axis> axes = new ArrayList<>();
        Table prepared = test;
        for (Column c : train.features()) {
            if (immutable.contains(c.name()) || test.find(c.name()).isEmpty()) {
                continue;
            }
            Column t = test.column(c.name());
            if (c instanceof NumericColumn n && t instanceof NumericColumn) {
                Axis axis = numeric(n, bounds.get(c.name()));
                if (axis != null) {
                    axes.add(axis);
                }
            } else if (c instanceof CategoricalColumn cc && t instanceof CategoricalColumn tc) {
                Set<String> seen = new LinkedHashSet<>();
                for (int r = 0; r < cc.size(); r++) {
                    if (!cc.isMissing(r)) {
                        seen.add(cc.text(r));
                    }
                }
                if (seen.size() < 2) {
                    continue;
                }
                List<String> levels = new ArrayList<>(tc.levels());
                for (String level : seen) {
                    if (!levels.contains(level)) {
                        levels.add(level);
                    }
                }
                int[] allowed = seen.stream().mapToInt(levels::indexOf).sorted().toArray();
                axes.add(Axis.categorical(c.name(), levels, allowed));
                if (levels.size() != tc.levels().size()) {
                    prepared = prepared.replace(new CategoricalColumn(tc.name(), tc.type(), levels, tc.codes()));
                }
            }
        }
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("no feature can be changed by the adversarial search (immutable: " + immutable
                    + "; text columns and constant columns are never changed)");
        }
        return new SearchSpace(axes, prepared);
    }

    private static Axis numeric(NumericColumn c, Bound bound) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        boolean integral = true;
        for (double v : c.values()) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                integral &= v == Math.rint(v);
            }
        }
        if (n < 2) {
            return null;
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : c.values()) {
            if (Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(squares / (n - 1));
        if (!(sd > 0)) {
            return null;
        }
        double low = bound == null ? min : bound.lowOr(min);
        double high = bound == null ? max : bound.highOr(max);
        if (low > high) {
            throw new IllegalArgumentException("bound for '" + c.name() + "': low " + low + " exceeds high " + high
                    + " (an empty side is the training range " + min + ":" + max + ")");
        }
        return Axis.numeric(c.name(), sd, low, high, integral);
    }

    List<Axis> axes() {
        return axes;
    }

    /** The test rows, with category dictionaries widened to every training level. */
    Table test() {
        return test;
    }

    /** Test row {@code row} as a point. */
    double[] point(int row) {
        double[] x = new double[axes.size()];
        for (int a = 0; a < x.length; a++) {
            Column c = test.column(axes.get(a).column());
            x[a] = c instanceof NumericColumn n ? n.get(row) : ((CategoricalColumn) c).code(row);
        }
        return x;
    }

    /** Whether the row's value on an axis is missing (then it is never changed). */
    boolean missing(double[] origin, int axis) {
        return axes.get(axis).categorical() ? origin[axis] < 0 : Double.isNaN(origin[axis]);
    }

    /** The total cost of moving from {@code origin} to {@code x}: scaled numeric changes plus 1 per changed category. */
    double distance(double[] origin, double[] x) {
        double d = 0;
        for (int a = 0; a < x.length; a++) {
            if (!missing(origin, a)) {
                d += axes.get(a).cost(origin[a], x[a]);
            }
        }
        return d;
    }

    /** The names of the features where {@code x} differs from {@code origin}, in column order. */
    List<String> changed(double[] origin, double[] x) {
        List<String> out = new ArrayList<>();
        for (int a = 0; a < x.length; a++) {
            if (!missing(origin, a) && Double.compare(origin[a], x[a]) != 0) {
                out.add(axes.get(a).column());
            }
        }
        return out;
    }

    /** Every single-feature move from {@code x}: each numeric step in both directions (clipped), each other category. */
    List<double[]> moves(double[] origin, double[] x) {
        List<double[]> out = new ArrayList<>();
        for (int a = 0; a < x.length; a++) {
            if (missing(origin, a)) {
                continue;
            }
            Axis axis = axes.get(a);
            if (axis.categorical()) {
                for (int code : axis.allowed()) {
                    if (code != x[a]) {
                        out.add(with(x, a, code));
                    }
                }
                continue;
            }
            Set<Double> tried = new LinkedHashSet<>();
            for (double step : STEPS) {
                for (int dir = -1; dir <= 1; dir += 2) {
                    double v = axis.clip(x[a] + dir * step * axis.scale());
                    if (axis.integral() && v == x[a]) {
                        v = axis.clip(x[a] + dir);
                    }
                    if (v != x[a] && tried.add(v)) {
                        out.add(with(x, a, v));
                    }
                }
            }
        }
        return out;
    }

    static double[] with(double[] x, int axis, double value) {
        double[] y = x.clone();
        y[axis] = value;
        return y;
    }

    /** A table of test rows {@code rows[i]} with their features set to {@code points[i]}, for one predict call. */
    Table batch(int[] rows, List<double[]> points) {
        Table base = test.select(rows);
        for (int a = 0; a < axes.size(); a++) {
            Axis axis = axes.get(a);
            Column original = test.column(axis.column());
            if (axis.categorical()) {
                int[] codes = new int[rows.length];
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = (int) points.get(i)[a];
                }
                CategoricalColumn cc = (CategoricalColumn) original;
                base = base.replace(new CategoricalColumn(cc.name(), cc.type() == ColumnType.BOOLEAN ? ColumnType.BOOLEAN
                        : ColumnType.CATEGORICAL, cc.levels(), codes));
            } else {
                double[] values = new double[rows.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = points.get(i)[a];
                }
                base = base.replace(new NumericColumn(axis.column(), values));
            }
        }
        return base;
    }
}
