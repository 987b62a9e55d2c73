package dev.failforward.probe.stress;

/**
 * Which rows a shifted test set favours: for a numeric column, those at or above the {@code value}
 * quantile (default {@value #DEFAULT_QUANTILE}), or at or below it for a quantile under 0.5; for a categorical one, those with the level {@code value}
 * (default: the test rows' least frequent level). {@code value} is null for the default.
 */
public record ShiftSpec(String column, String value) {

    public static final double DEFAULT_QUANTILE = 0.75;

    public ShiftSpec {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("--shift needs a column: COL or COL:VALUE");
        }
    }

    /** Parses {@code COL} or {@code COL:VALUE}; the value is after the last colon. */
    public static ShiftSpec parse(String text) {
        int colon = text.lastIndexOf(':');
        return colon < 0 ? new ShiftSpec(text.trim(), null)
                : new ShiftSpec(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }
}
