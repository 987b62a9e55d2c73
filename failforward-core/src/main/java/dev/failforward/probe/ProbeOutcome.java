package dev.failforward.probe;

import dev.failforward.failure.Failure;

import java.util.List;

/** All probe results of a run, the failures they provoked and the worst examples of each probe level. */
public record ProbeOutcome(List<ProbeResult> results, List<Failure> failures, List<ProbeExample> examples) {

    public ProbeOutcome {
        results = List.copyOf(results);
        failures = List.copyOf(failures);
        examples = List.copyOf(examples);
    }

    public ProbeOutcome(List<ProbeResult> results, List<Failure> failures) {
        this(results, failures, List.of());
    }
}
