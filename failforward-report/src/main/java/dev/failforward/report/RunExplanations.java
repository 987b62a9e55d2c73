package dev.failforward.report;

import dev.failforward.explain.AttributionContrast;
import dev.failforward.explain.Explanation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's stored explanations by one method, as the report draws them: each explained failure's
 * explanation (by failure id) and the failure-vs-correct contrast ({@code null} when none was stored).
 */
public record RunExplanations(String method, Map<String, Explanation> byFailure, AttributionContrast contrast) {

    public RunExplanations {
        byFailure = Collections.unmodifiableMap(new LinkedHashMap<>(byFailure));
    }
}
