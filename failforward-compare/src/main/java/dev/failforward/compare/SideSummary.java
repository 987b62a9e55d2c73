package dev.failforward.compare;

import dev.failforward.api.PublicApi;

import java.util.Map;

/** Provenance and metrics of one compared model, without its predictions. */
@PublicApi
public record SideSummary(String role, String modelId, String trainedOn, String trainFingerprint,
                          String modelFingerprint, String runId, Map<String, Double> metrics) {

    public SideSummary {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }
}
