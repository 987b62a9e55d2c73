package dev.failforward.failure;

/** Which failures to list: of one run ({@code null} = all runs), at most {@code limit} ({@code null} = all). */
public record FailureQuery(String runId, Integer limit) {

    public static FailureQuery all() {
        return new FailureQuery(null, null);
    }
}
