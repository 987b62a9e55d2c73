package dev.failforward.probe.adversarial;

import java.util.List;

/**
 * One feature the search may change. Numeric: moves within {@code [low, high]}, cost |change| /
 * {@code scale} (the training standard deviation); integral columns (all training values whole) stay
 * whole. Categorical: {@code allowed} holds the codes (into {@code levels}) of the training levels it may
 * take; any change costs 1. A row's missing value is never changed.
 */
record Axis(String column, boolean categorical, double scale, double low, double high, boolean integral,
            List<String> levels, int[] allowed) {

    static Axis numeric(String column, double scale, double low, double high, boolean integral) {
        return new Axis(column, false, scale, low, high, integral, List.of(), new int[0]);
    }

    static Axis categorical(String column, List<String> levels, int[] allowed) {
        return new Axis(column, true, 1, 0, 0, false, List.copyOf(levels), allowed.clone());
    }

    /** The cost of moving from {@code from} to {@code to} on this axis. */
    double cost(double from, double to) {
        if (categorical) {
            return from == to ? 0 : 1;
        }
        return Math.abs(to - from) / scale;
    }

    /** A value clipped into the bounds, and made whole for an integral column. */
    double clip(double v) {
        double w = Math.max(low, Math.min(high, v));
        if (integral) {
            w = Math.rint(w);
            if (w < low) {
                w = Math.ceil(low);
            }
            if (w > high) {
                w = Math.floor(high);
            }
        }
        return w;
    }
}
