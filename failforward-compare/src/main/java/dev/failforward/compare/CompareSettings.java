package dev.failforward.compare;

import dev.failforward.api.PublicApi;

/**
 * How a comparison measures: bootstrap resamples, interval level and seed; the smallest slice the
 * search examines; how many example rows of each failure-diff kind to keep.
 */
@PublicApi
public record CompareSettings(int resamples, double level, long seed, int sliceMinSize, int examples) {

    public static final int DEFAULT_EXAMPLES = 5;

    public CompareSettings {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the interval level must be between 0 and 1, got " + level);
        }
        if (sliceMinSize < 1) {
            throw new IllegalArgumentException("the smallest slice must have at least 1 row, got " + sliceMinSize);
        }
    }
}
