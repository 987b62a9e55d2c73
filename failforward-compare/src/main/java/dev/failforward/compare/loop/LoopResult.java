package dev.failforward.compare.loop;

import dev.failforward.api.PublicApi;

import java.util.List;

/**
 * A loop: its run in the failure log, the model and target, how the rows were used, the slices whose
 * failure rate the trajectory follows (found by the first round's scan), the trajectory (one point per
 * round, from round 0), the rounds run, and why the loop stopped before {@code roundsAsked} (or null).
 */
@PublicApi
public record LoopResult(String loopRun, String modelId, String target, String primaryMetric, String dataName,
                         int trainingRows, int selectionRows, int verificationRows, long seed, String policy,
                         int roundsAsked, List<String> targetedSlices, List<LoopPoint> trajectory, List<LoopRound> rounds,
                         String stopped, String keptModelPath) {

    public static final int SCHEMA_VERSION = 1;

    public LoopResult {
        targetedSlices = List.copyOf(targetedSlices);
        trajectory = List.copyOf(trajectory);
        rounds = List.copyOf(rounds);
    }

    /** Whether a strategy failed in any round (exit code 3). */
    public boolean anyError() {
        return rounds.stream().anyMatch(r -> r.retrain().anyError());
    }
}
