package dev.failforward.compare;

import dev.failforward.model.Predictions;

/**
 * One model in a comparison and where it came from: its id, the training data it saw (name and
 * fingerprint), the model's fingerprint, the stored run it was read from if any, and its
 * predictions for the compared rows, in row order.
 */
public record Side(String role, String modelId, String trainedOn, String trainFingerprint, String modelFingerprint,
                   String runId, Predictions predictions) {
}
