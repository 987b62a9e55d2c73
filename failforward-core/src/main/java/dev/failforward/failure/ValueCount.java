package dev.failforward.failure;

import dev.failforward.api.PublicApi;
import dev.failforward.data.NumericColumn;

/**
 * How many evaluated rows of a run had one value of an input column, and how many of them failed:
 * the denominator and numerator of a failure rate. A category has its {@code value} (low and high
 * null); a numeric bin has {@code low} and {@code high} (equal for a bin of one value) and no
 * value; a missing value has neither.
 */
@PublicApi
public record ValueCount(String column, String value, Double low, Double high, long rows, long failures) {

    public ValueCount {
        if (column == null) {
            throw new IllegalArgumentException("a value count needs its column");
        }
        if ((low == null) != (high == null) || (value != null && low != null)) {
            throw new IllegalArgumentException("a value count is a category, a numeric bin or missing, not " + value + " / "
                    + low + " / " + high);
        }
        if (rows < 0 || failures < 0 || failures > rows) {
            throw new IllegalArgumentException("a value count needs 0 <= failures <= rows, not " + failures + " of " + rows);
        }
    }

    /** A numeric bin. */
    public boolean isBin() {
        return low != null;
    }

    /** Neither a category nor a bin: rows where the column had no value. */
    public boolean isMissing() {
        return value == null && low == null;
    }

    /** Failures per evaluated row, or null when there were no rows. */
    public Double rate() {
        return rows == 0 ? null : (double) failures / rows;
    }

    /**
     * The group as people read it: the category, {@code (missing)}, the single number of a bin of one
     * value, or {@code [low, high)} ({@code [low, high]} for the column's top bin, which holds its maximum).
     */
    public String label(boolean top) {
        if (isMissing()) {
            return "(missing)";
        }
        if (!isBin()) {
            return value;
        }
        if (low.equals(high)) {
            return NumericColumn.format(low);
        }
        return "[" + NumericColumn.format(low) + ", " + NumericColumn.format(high) + (top ? "]" : ")");
    }

    /** The same group with these counts added (for pooling runs). */
    public ValueCount plus(ValueCount other) {
        return new ValueCount(column, value, low, high, rows + other.rows, failures + other.failures);
    }
}
