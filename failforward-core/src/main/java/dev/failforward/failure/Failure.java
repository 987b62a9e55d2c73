package dev.failforward.failure;

import dev.failforward.api.PublicApi;

import java.util.List;
import java.util.Map;

/**
 * One failed prediction. {@code origin} says where it came from ({@code holdout}, later
 * {@code production} or {@code probe:<id>}); {@code fingerprint} recognises the same failure
 * across models and runs. For regression {@code probabilities} is empty, {@code prediction}
 * holds the predicted value and {@code confidence} is null. {@code perturbation} is set only for
 * failures a probe provoked ({@code probe:<id>} origins), null otherwise.
 */
@PublicApi
public record Failure(String id, String runId, String rowKey, String origin, Map<String, Object> input,
                      String expected, String predicted, Map<String, Double> probabilities, Double prediction,
                      Double confidence, double loss, List<String> causeTags, String fingerprint,
                      Perturbation perturbation) {

    /** A failure no probe provoked. */
    public Failure(String id, String runId, String rowKey, String origin, Map<String, Object> input,
                   String expected, String predicted, Map<String, Double> probabilities, Double prediction,
                   Double confidence, double loss, List<String> causeTags, String fingerprint) {
        this(id, runId, rowKey, origin, input, expected, predicted, probabilities, prediction, confidence, loss,
                causeTags, fingerprint, null);
    }

    public Failure {
        input = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(input));
        probabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
        causeTags = List.copyOf(causeTags);
    }
}
