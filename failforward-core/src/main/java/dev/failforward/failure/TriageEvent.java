package dev.failforward.failure;

import dev.failforward.api.PublicApi;

import java.time.Instant;

/**
 * One triage decision, kept forever: on which failure (and so on its fingerprint), the new
 * status, an optional cause tag and note, who made it and when.
 */
@PublicApi
public record TriageEvent(String failureId, String fingerprint, TriageStatus status, String cause, String note,
                          String who, Instant at) {
}
