package dev.failforward.probe.adversarial;

/**
 * A declared range for one numeric feature: the search never moves it below {@code low} or above
 * {@code high}. A side given as {@code NaN} keeps the training range on that side; a feature without a
 * declared bound keeps to its training range on both sides.
 */
public record Bound(String column, double low, double high) {

    public Bound {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("a bound needs a column name");
        }
        if (low > high) {
            throw new IllegalArgumentException("bound for '" + column + "': low " + low + " exceeds high " + high);
        }
    }

    /** Parses {@code COL=LOW:HIGH}, as given on the command line; an empty side keeps the training range. */
    public static Bound parse(String text) {
        int eq = text.lastIndexOf('=');
        int colon = text.lastIndexOf(':');
        if (eq <= 0 || colon < eq) {
            throw new IllegalArgumentException("bound '" + text + "' must look like COLUMN=LOW:HIGH, e.g. tenure=0:72");
        }
        String low = text.substring(eq + 1, colon).trim();
        String high = text.substring(colon + 1).trim();
        try {
            return new Bound(text.substring(0, eq).trim(), low.isEmpty() ? Double.NaN : Double.parseDouble(low),
                    high.isEmpty() ? Double.NaN : Double.parseDouble(high));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bound '" + text + "': LOW and HIGH must be numbers, e.g. tenure=0:72");
        }
    }

    /** The lower limit, the training minimum when not declared. */
    double lowOr(double trainLow) {
        return Double.isNaN(low) ? trainLow : low;
    }

    /** The upper limit, the training maximum when not declared. */
    double highOr(double trainHigh) {
        return Double.isNaN(high) ? trainHigh : high;
    }
}
