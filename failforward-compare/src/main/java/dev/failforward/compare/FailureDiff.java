package dev.failforward.compare;

import dev.failforward.api.PublicApi;

import java.util.List;

/**
 * Which rows' failures changed: {@code newFailures} the candidate fails and the baseline did not,
 * {@code fixed} the reverse, {@code persisting} both fail; with a few example rows of each.
 */
@PublicApi
public record FailureDiff(int newFailures, int fixed, int persisting, List<FailureExample> newExamples,
                          List<FailureExample> fixedExamples, List<FailureExample> persistingExamples) {

    public FailureDiff {
        newExamples = List.copyOf(newExamples);
        fixedExamples = List.copyOf(fixedExamples);
        persistingExamples = List.copyOf(persistingExamples);
    }
}
