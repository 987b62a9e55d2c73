package dev.failforward.probe;

import java.util.Map;

/**
 * One of the rows a probe level moved most, for showing side by side: the changed columns' values
 * before and after, and the prediction before and after. {@code scoreBefore}/{@code scoreAfter} are
 * the probability of the watched class (the class predicted before, or a directional expectation's
 * class) or, for regression, the predicted value.
 */
public record ProbeExample(String probe, double level, String rowKey, Map<String, Object> original,
                           Map<String, Object> perturbed, String predictedBefore, String predictedAfter,
                           String scoreOf, double scoreBefore, double scoreAfter) {

    public ProbeExample {
        original = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(original));
        perturbed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perturbed));
    }
}
