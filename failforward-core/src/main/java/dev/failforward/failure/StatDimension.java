package dev.failforward.failure;

import dev.failforward.api.PublicApi;

/** What {@code log stats} groups failures by. */
@PublicApi
public enum StatDimension {
    /** The values of one input column (numbers in equal-width bins). */
    FEATURE,
    /** Cause tags (a failure with two tags counts in both). */
    CAUSE,
    ORIGIN,
    RUN
}
