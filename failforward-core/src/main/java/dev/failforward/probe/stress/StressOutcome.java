package dev.failforward.probe.stress;

import dev.failforward.failure.Failure;

import java.util.List;

/** The stress results and the failures they revealed. */
public record StressOutcome(List<StressResult> results, List<Failure> failures) {

    public StressOutcome {
        results = List.copyOf(results);
        failures = List.copyOf(failures);
    }

    public boolean anyError() {
        return results.stream().anyMatch(r -> r.error() != null);
    }
}
