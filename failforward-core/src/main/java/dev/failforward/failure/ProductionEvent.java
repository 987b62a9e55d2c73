package dev.failforward.failure;

import dev.failforward.api.PublicApi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of production capture. A prediction event carries {@code features}, {@code prediction}
 * and optionally {@code probabilities}, {@code model} and {@code timestamp}; an outcome event
 * carries {@code outcome}. Both kinds share the {@code id} that pairs them; one event may be both.
 */
@PublicApi
public record ProductionEvent(String id, String timestamp, String model, Map<String, Object> features,
                              String prediction, Map<String, Double> probabilities, String outcome) {

    public ProductionEvent {
        features = features == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(features));
        probabilities = probabilities == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }

    public boolean hasPrediction() {
        return prediction != null;
    }

    public boolean hasOutcome() {
        return outcome != null;
    }
}
