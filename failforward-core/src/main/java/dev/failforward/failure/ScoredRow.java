package dev.failforward.failure;

import dev.failforward.api.PublicApi;

/**
 * One row an incomplete run has already scored, kept so that resuming the run scores only the
 * rest: {@code position} is the row's place among the run's scored rows (from 0). For regression
 * the failure flag is false until the run completes, since its threshold needs every row's error.
 */
@PublicApi
public record ScoredRow(int position, PredictionRecord prediction) {

    public ScoredRow {
        if (position < 0) {
            throw new IllegalArgumentException("a scored row's position must be at least 0, not " + position);
        }
        java.util.Objects.requireNonNull(prediction, "prediction");
    }
}
