package dev.failforward.failure;

import dev.failforward.api.PublicApi;

/**
 * Which failures to list, every part optional (null = any): one run, recurrence, triage status,
 * a cause tag (of the failure or of its triage), a condition on input values, a minimum
 * confidence, an origin ({@code holdout}, {@code production}, {@code probe:<id>} or
 * {@code probe:*}), an order and a limit.
 */
@PublicApi
public record FailureFilter(String runId, Recurrence recurrence, TriageStatus triage, String cause, Condition where,
                            Double minConfidence, String origin, FailureSort sort, Integer limit) {

    public FailureFilter {
        sort = sort == null ? FailureSort.STORED : sort;
    }

    public static FailureFilter all() {
        return new FailureFilter(null, null, null, null, null, null, null, null, null);
    }

    public static FailureFilter ofRun(String runId) {
        return new FailureFilter(runId, null, null, null, null, null, null, null, null);
    }

    public FailureFilter withLimit(Integer newLimit) {
        return new FailureFilter(runId, recurrence, triage, cause, where, minConfidence, origin, sort, newLimit);
    }
}
