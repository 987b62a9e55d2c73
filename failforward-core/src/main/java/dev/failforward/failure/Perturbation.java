package dev.failforward.failure;

import dev.failforward.api.PublicApi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a probe changed to provoke a failure: its parameters (level, changed columns, and whatever
 * the probe adds, such as the expectation it tested) and the row as the model saw it. The failure's
 * own {@code input} stays the original row, so filters and statistics see the data as it was.
 */
@PublicApi
public record Perturbation(Map<String, String> params, Map<String, Object> perturbedInput) {

    public Perturbation {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        perturbedInput = Collections.unmodifiableMap(new LinkedHashMap<>(perturbedInput));
    }
}
