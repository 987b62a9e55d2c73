package dev.failforward.compare.retrain;

import dev.failforward.api.PublicApi;

/**
 * What a candidate's strategy aimed at, measured on the verification rows for the current model
 * ({@code before}, a failure rate) and the candidate ({@code after}): {@code rows} judged, failures
 * {@code fixed}, {@code persisting} and {@code added} (new), whether the candidate is better at it ({@code better}: fewer failures, or for the
 * whole model a better primary metric), the paired test's p-value ({@code test}
 * names it) and that p-value after Holm's correction across the candidates.
 */
@PublicApi
public record Targeted(String description, int rows, int fixed, int persisting, int added, double before, double after,
                       boolean better, double pValue, String test, double holmPValue) {

    public Targeted withHolm(double adjusted) {
        return new Targeted(description, rows, fixed, persisting, added, before, after, better, pValue, test, adjusted);
    }
}
