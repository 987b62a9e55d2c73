package dev.failforward.detect;

import dev.failforward.api.PublicApi;

import java.util.List;

/** A detector's product: its measurements and the findings the thresholds turned them into. */
@PublicApi
public record Detection(Measurements measurements, List<Finding> findings) {

    public Detection {
        java.util.Objects.requireNonNull(measurements, "measurements");
        findings = List.copyOf(findings);
    }
}
