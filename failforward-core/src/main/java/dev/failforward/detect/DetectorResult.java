package dev.failforward.detect;

import java.util.Map;

/**
 * What one detector reported: {@code ok} with its measured values (whether or not it found
 * anything), or {@code error} with the cause, when it threw.
 */
public record DetectorResult(String id, Status status, String error, Map<String, Object> measurements,
                             long millis) {

    public enum Status { OK, ERROR;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public DetectorResult {
        measurements = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(measurements));
    }
}
