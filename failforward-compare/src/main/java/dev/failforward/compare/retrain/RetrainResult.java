package dev.failforward.compare.retrain;

import dev.failforward.api.PublicApi;

import java.util.List;
import java.util.Map;

/**
 * A retrain: the run it came from, the model retrained, how the rows were used (training, selection,
 * verification, and where the verification rows came from), the gate policy, the current model's
 * metrics on the verification rows, every strategy's {@link Candidate}, and the recommendation —
 * {@code recommended} is a strategy id, or null to keep the current model; {@code reason} says why
 * in one line.
 */
@PublicApi
public record RetrainResult(String sourceRun, String modelId, String target, String primaryMetric, int trainingRows,
                            int selectionRows, int verificationRows, String verification, String policy, long seed,
                            Map<String, Double> currentMetrics, List<Candidate> candidates, String recommended, String reason) {

    public static final int SCHEMA_VERSION = 2;

    public RetrainResult {
        currentMetrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(currentMetrics));
        candidates = List.copyOf(candidates);
    }

    public boolean keepsCurrent() {
        return recommended == null;
    }

    /** Whether a strategy failed (exit code 3). */
    public boolean anyError() {
        return candidates.stream().anyMatch(c -> Candidate.ERROR.equals(c.status()));
    }
}
