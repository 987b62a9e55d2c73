package dev.failforward.data;

import dev.failforward.api.PublicApi;

/**
 * What the numbers of a numeric column stand for, which decides only how they are written: plain
 * numbers, or dates and times read from ISO-8601 text and held as seconds since 1970-01-01 UTC
 * (so models, slices and drift treat them as the ordered numbers they are).
 */
@PublicApi
public enum NumberKind {
    PLAIN, DATE, TIME;

    /** {@code v} as text: a plain number, or the date or time it stands for. */
    public String format(double v) {
        return switch (this) {
            case PLAIN -> NumericColumn.format(v);
            case DATE -> TimeText.formatDate(v);
            case TIME -> TimeText.formatTime(v);
        };
    }
}
