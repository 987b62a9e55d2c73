package dev.failforward.compare.retrain;

import dev.failforward.api.PublicApi;

/** A targeted slice on the verification rows: its rows and the failure rate before (current model) and after (candidate). */
@PublicApi
public record SliceChange(String slice, int rows, double before, double after) {
}
