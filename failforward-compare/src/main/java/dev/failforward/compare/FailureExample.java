package dev.failforward.compare;

import dev.failforward.api.PublicApi;

import java.util.Map;

/** One row of the failure diff: its key, truth, both predictions and (when known) its inputs. */
@PublicApi
public record FailureExample(String rowKey, String expected, String baseline, String candidate, Map<String, Object> input) {

    public FailureExample {
        input = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(input));
    }
}
