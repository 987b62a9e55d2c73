package dev.failforward.detect;

import java.util.List;
import java.util.Map;

/** A detector's product: its measurements and the findings the thresholds turned them into. */
public record Detection(Map<String, Object> measurements, List<Finding> findings) {

    public Detection {
        measurements = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(measurements));
        findings = List.copyOf(findings);
    }
}
