package dev.failforward.data;

import dev.failforward.api.PublicApi;

import java.util.Arrays;

/**
 * Numbers as a primitive array; {@code NaN} marks a missing value. Dates and times are numbers too
 * (seconds since 1970-01-01 UTC), written back as dates and times ({@link NumberKind}).
 */
@PublicApi
public record NumericColumn(String name, double[] values, NumberKind kind) implements Column {

    public NumericColumn(String name, double[] values) {
        this(name, values, NumberKind.PLAIN);
    }

    @Override
    public ColumnType type() {
        return ColumnType.NUMERIC;
    }

    @Override
    public int size() {
        return values.length;
    }

    public double get(int row) {
        return values[row];
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    @Override
    public String text(int row) {
        return isMissing(row) ? null : kind.format(values[row]);
    }

    @Override
    public Object value(int row) {
        return isMissing(row) ? null : values[row];
    }

    @Override
    public Column select(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new NumericColumn(name, out, kind);
    }

    @Override
    public Column rename(String newName) {
        return new NumericColumn(newName, values, kind);
    }

    /** Integers without a trailing ".0"; other numbers in their shortest exact form. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericColumn c && c.name.equals(name) && c.kind == kind && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "NumericColumn[" + name + ", " + values.length + " rows]";
    }
}
