package dev.failforward.log;

import dev.failforward.failure.Failure;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.failure.RunValues;
import dev.failforward.failure.ScoredRow;
import dev.failforward.run.Run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Runs: begun, completed with their predictions and failures, read back, resumed and purged. */
public interface RunLog {

    /** Records a run as started (status incomplete) before any of its results exist. */
    void begin(Run run);

    /**
     * Stores the run's predictions and failures, and how many evaluated rows had each input value and
     * how many of them failed (for failure rates per value), and marks the run complete, in one transaction.
     */
    void complete(Run run, List<PredictionRecord> predictions, List<Failure> failures, RunValues values);

    /** The same without counts per value: the run's failure rates per value stay unknown. */
    default void complete(Run run, List<PredictionRecord> predictions, List<Failure> failures) {
        complete(run, predictions, failures, RunValues.none());
    }

    /** All runs, oldest first. */
    List<Run> runs();

    /** The run with this id, or the newest run for {@code latest}. */
    Optional<Run> run(String idOrLatest);

    /** Runs that started before this time, oldest first. */
    default List<Run> runsBefore(Instant time) {
        return runs().stream().filter(r -> r.startedAt().isBefore(time)).toList();
    }

    /** All stored predictions of a run, in stored order. */
    List<PredictionRecord> predictions(String runId);

    /**
     * The incomplete run with this id, to be completed again (e.g. after its process was killed).
     *
     * @throws IllegalArgumentException when there is no such run or it is already complete
     */
    Run resume(String runId);

    /**
     * Keeps rows an incomplete run has scored so far (e.g. the batches an endpoint answered before it
     * went away), in one transaction, so that resuming the run scores only the rest. Completing the
     * run replaces them with its predictions.
     */
    void saveProgress(String runId, List<ScoredRow> rows);

    /** The rows an incomplete run has kept with {@link #saveProgress}, by position; empty for a complete run. */
    List<ScoredRow> progress(String runId);

    /** Deletes these runs with everything stored about them; how many runs went. */
    int purge(List<String> runIds);
}
