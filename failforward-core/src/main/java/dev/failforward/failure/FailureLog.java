package dev.failforward.failure;

import dev.failforward.explain.Explanation;
import dev.failforward.run.Run;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The durable store of runs, their predictions and failures. */
public interface FailureLog extends AutoCloseable {

    /** Records a run as started (status incomplete) before any of its results exist. */
    void begin(Run run);

    /** Stores the run's predictions and failures and marks it complete, in one transaction. */
    void complete(Run run, List<PredictionRecord> predictions, List<Failure> failures);

    /** All runs, oldest first. */
    List<Run> runs();

    /** The run with this id, or the newest run for {@code latest}. */
    Optional<Run> run(String idOrLatest);

    /** Failures matching the query, by run (oldest first) and then in stored order. */
    List<Failure> failures(FailureQuery query);

    /** How many failures match the query, ignoring its limit. */
    long countFailures(FailureQuery query);

    /** All stored predictions of a run, in stored order. */
    List<PredictionRecord> predictions(String runId);

    /**
     * Stores explanations of a run's failures (failure id to explanation), replacing earlier
     * ones by the same method, in one transaction.
     */
    default void saveAttributions(String runId, Map<String, Explanation> byFailureId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not store attributions");
    }

    /** The stored explanations of one failure, one per method (sorted by method). */
    default List<Explanation> attributions(String failureId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not store attributions");
    }

    /** The stored explanations of a run's failures: failure id to its explanations. */
    default Map<String, List<Explanation>> attributionsOfRun(String runId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not store attributions");
    }

    /** Where the log is, for messages (secrets redacted). */
    String location();

    @Override
    void close();
}
