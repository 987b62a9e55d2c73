package dev.failforward.failure;

/** Orders of a failure listing: stored order (by run, then as the run listed them), or worst first. */
public enum FailureSort {
    STORED, LOSS, CONFIDENCE
}
