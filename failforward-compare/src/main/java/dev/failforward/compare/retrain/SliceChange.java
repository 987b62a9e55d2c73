package dev.failforward.compare.retrain;

/** A targeted slice on the verification rows: its rows and the failure rate before (current model) and after (candidate). */
public record SliceChange(String slice, int rows, double before, double after) {
}
