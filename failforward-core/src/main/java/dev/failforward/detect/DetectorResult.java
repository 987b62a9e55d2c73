package dev.failforward.detect;

import dev.failforward.api.PublicApi;

/**
 * What one detector reported: {@code ok} with its measured values (whether or not it found
 * anything), or {@code error} with the cause, when it threw ({@link Measurements.Untyped#NONE}).
 */
@PublicApi
public record DetectorResult(String id, Status status, String error, Measurements measurements,
                             long millis) {

    public enum Status { OK, ERROR;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public DetectorResult {
        java.util.Objects.requireNonNull(measurements, "measurements");
    }
}
