package dev.failforward.session;

import dev.failforward.api.PublicApi;
import dev.failforward.failure.Failure;

import java.util.List;

/** What a {@link ScanStep} produced: its typed outcome and the failures it found (stored with the run). */
@PublicApi
public record StepResult<T>(T outcome, List<Failure> failures) {

    public StepResult {
        failures = List.copyOf(failures);
    }
}
