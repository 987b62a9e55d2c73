package dev.failforward.detect;

import dev.failforward.api.PublicApi;

import java.util.List;
import java.util.Map;

/**
 * Something a detector found. {@code evidence} holds the measured values; {@code severity} was
 * decided from them by the detector's thresholds. {@code rows} is how many rows it concerns and
 * {@code rowKeys} the keys of the concerned test rows (whose failures get {@code causeTag}).
 */
@PublicApi
public record Finding(String detector, Severity severity, String title, int rows, List<String> rowKeys,
                      String causeTag, Map<String, Object> evidence) {

    public Finding {
        rowKeys = List.copyOf(rowKeys);
        evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }
}
