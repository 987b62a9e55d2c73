package dev.failforward.failure;

import dev.failforward.api.PublicApi;

/**
 * One group of {@code log stats}: its label, how many failures fall in it and, where the log
 * knows it (per run), how many predictions did, so that a failure rate can be shown.
 */
@PublicApi
public record StatRow(String group, long failures, Long predictions) {

    /** Failures per prediction, or null when the number of predictions is not known. */
    public Double rate() {
        return predictions == null || predictions == 0 ? null : (double) failures / predictions;
    }
}
