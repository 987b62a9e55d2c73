package dev.failforward.probe.adversarial;

import java.util.List;
import java.util.Map;

/**
 * One verified adversarial example: test row {@code row} (key {@code rowKey}), predicted correctly as
 * {@code expected}, is predicted {@code predicted} after the change from {@code original} to
 * {@code adversarial} (every column but the target). {@code distance} is the change's size in scaled units,
 * {@code changed} the features it touches, {@code evaluations} the model evaluations spent on the row, and
 * {@code probabilities} the model's class probabilities for the adversarial row, from the verifying call.
 */
public record AdversarialExample(int row, String rowKey, String expected, String predicted, double trueProbabilityBefore,
                                 double trueProbabilityAfter, double distance, List<String> changed, int evaluations,
                                 Map<String, Object> original, Map<String, Object> adversarial,
                                 Map<String, Double> probabilities) {

    public AdversarialExample {
        changed = List.copyOf(changed);
        original = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(original));
        adversarial = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(adversarial));
        probabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
    }
}
