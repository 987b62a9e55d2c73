package dev.failforward.failure;

import dev.failforward.api.PublicApi;

/** Orders of a failure listing: stored order (by run, then as the run listed them), or worst first. */
@PublicApi
public enum FailureSort {
    STORED, LOSS, CONFIDENCE
}
