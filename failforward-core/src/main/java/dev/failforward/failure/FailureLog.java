package dev.failforward.failure;

import dev.failforward.explain.AttributionContrast;
import dev.failforward.explain.Explanation;
import dev.failforward.run.Run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The durable store of runs, their predictions and failures. */
public interface FailureLog extends AutoCloseable {

    /** Records a run as started (status incomplete) before any of its results exist. */
    void begin(Run run);

    /** Stores the run's predictions and failures and marks it complete, in one transaction. */
    void complete(Run run, List<PredictionRecord> predictions, List<Failure> failures);

    /**
     * The same, also storing how many evaluated rows had each input value and how many of them failed
     * (for failure rates per value), in the same transaction. A log that cannot keep them stores the rest.
     */
    default void complete(Run run, List<PredictionRecord> predictions, List<Failure> failures, RunValues values) {
        complete(run, predictions, failures);
    }

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

    /** Failures matching the filter, with their recurrence and triage state. */
    List<LoggedFailure> find(FailureFilter filter);

    /** How many failures match the filter, ignoring its limit. */
    long count(FailureFilter filter);

    /** One failure by its id. */
    Optional<LoggedFailure> failure(String id);

    /** Every failure with this fingerprint, in all runs, oldest run first: the failure's history. */
    List<LoggedFailure> history(String fingerprint);

    /** Records a triage decision; earlier ones are kept. */
    void triage(TriageEvent event);

    /** Every triage decision on this fingerprint, oldest first. */
    List<TriageEvent> triageHistory(String fingerprint);

    /**
     * Stores production events (prediction and outcome events, in any order) and judges every pair
     * that became complete: when prediction and outcome disagree, a failure with origin
     * {@code production} is recorded in a new run of kind {@code ingest}. Events already in the
     * log are skipped, so ingesting a file twice adds nothing. One transaction.
     */
    IngestResult ingest(String source, List<ProductionEvent> events);

    /**
     * The incomplete run with this id, to be completed again (e.g. after its process was killed).
     *
     * @throws IllegalArgumentException when there is no such run or it is already complete
     */
    Run resume(String runId);

    /** Deletes these runs with their predictions, failures and input values; how many runs went. */
    int purge(List<String> runIds);

    /** Runs that started before this time, oldest first. */
    default List<Run> runsBefore(Instant time) {
        return runs().stream().filter(r -> r.startedAt().isBefore(time)).toList();
    }

    /**
     * Where failures concentrate: counts per value of an input column (numbers in bins), per
     * cause tag, per origin, or per run, of one run ({@code null} = all runs).
     */
    List<StatRow> stats(String runId, StatDimension by, String column);

    /**
     * The failure rate per value (category or bin) of an input column, of one complete run
     * ({@code null} = pooled over all), from the counts stored with each run; runs without them are named.
     */
    default ValueRates rates(String runId, String column) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not keep failure rates per value");
    }

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

    /**
     * Keeps rows an incomplete run has scored so far (e.g. the batches an endpoint answered before it
     * went away), in one transaction, so that resuming the run scores only the rest. Completing the
     * run replaces them with its predictions.
     */
    default void saveProgress(String runId, List<ScoredRow> rows) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not keep partial progress");
    }

    /** The rows an incomplete run has kept with {@link #saveProgress}, by position; empty for a complete run. */
    default List<ScoredRow> progress(String runId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not keep partial progress");
    }

    /**
     * Stores what separates a run's failures from its correct predictions by one method (see
     * {@link AttributionContrast}), replacing an earlier one by the same method.
     */
    default void saveContrast(String runId, AttributionContrast contrast) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not store attribution contrasts");
    }

    /** The stored contrasts of a run, one per method (sorted by method); empty if it was never explained. */
    default List<AttributionContrast> contrasts(String runId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not store attribution contrasts");
    }

    /** Where the log is, for messages (secrets redacted). */
    String location();

    @Override
    void close();
}
