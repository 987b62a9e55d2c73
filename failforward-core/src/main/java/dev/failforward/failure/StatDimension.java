package dev.failforward.failure;

/** What {@code log stats} groups failures by. */
public enum StatDimension {
    /** The values of one input column (numbers in equal-width bins). */
    FEATURE,
    /** Cause tags (a failure with two tags counts in both). */
    CAUSE,
    ORIGIN,
    RUN
}
