package dev.failforward.failure;

import dev.failforward.api.PublicApi;

/**
 * A failure as the log shows it: the failure itself, whether it is {@code new} or
 * {@code recurring} (a failure with the same fingerprint is in an earlier run) and its current
 * triage status and cause (set by people, {@code open} until then).
 */
@PublicApi
public record LoggedFailure(Failure failure, Recurrence recurrence, TriageStatus triage, String triageCause) {
}
