package dev.failforward.cli;

import dev.failforward.explain.AttributionContrast;
import dev.failforward.explain.Explanation;
import dev.failforward.log.FailureLog;
import dev.failforward.report.RunExplanations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** A run's explanations as stored in the failure log, grouped by method, for the report. */
final class StoredExplanations {

    private StoredExplanations() {
    }

    /** One entry per method that explained the run's failures (sorted by method); empty if none did. */
    static List<RunExplanations> of(FailureLog log, String runId) {
        Map<String, Map<String, Explanation>> byMethod = new TreeMap<>();
        log.attributionsOfRun(runId).forEach((failureId, list) -> list.forEach(e ->
                byMethod.computeIfAbsent(e.method(), k -> new LinkedHashMap<>()).put(failureId, e)));
        Map<String, AttributionContrast> contrasts = new TreeMap<>();
        log.contrasts(runId).forEach(c -> contrasts.put(c.method(), c));
        TreeSet<String> methods = new TreeSet<>(byMethod.keySet());
        methods.addAll(contrasts.keySet());
        List<RunExplanations> out = new ArrayList<>();
        for (String m : methods) {
            out.add(new RunExplanations(m, byMethod.getOrDefault(m, Map.of()), contrasts.get(m)));
        }
        return out;
    }
}
