package dev.failforward.compare;

import java.util.List;

/**
 * Which rows' failures changed: {@code newFailures} the candidate fails and the baseline did not,
 * {@code fixed} the reverse, {@code persisting} both fail; with a few example rows of each.
 */
public record FailureDiff(int newFailures, int fixed, int persisting, List<FailureExample> newExamples,
                          List<FailureExample> fixedExamples, List<FailureExample> persistingExamples) {

    public FailureDiff {
        newExamples = List.copyOf(newExamples);
        fixedExamples = List.copyOf(fixedExamples);
        persistingExamples = List.copyOf(persistingExamples);
    }
}
