package dev.failforward.compare.loop;

import dev.failforward.api.PublicApi;

/**
 * The kept model after a round (round 0: the model the loop started from), measured on the loop's
 * verification rows: the primary metric, the failure rate, the failure rate inside the targeted
 * slices (NaN when no weak slice was found) and the mean probe flip rate over the default probes.
 */
@PublicApi
public record LoopPoint(int round, String modelFingerprint, double primary, double failureRate, double sliceFailureRate,
                        double flipRate) {
}
