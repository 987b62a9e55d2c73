package dev.failforward.session;

import dev.failforward.failure.Failure;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.failure.RunValues;
import dev.failforward.log.ProductionLog;
import dev.failforward.log.RunLog;
import dev.failforward.run.Provenance;
import dev.failforward.run.Run;
import dev.failforward.run.RunHeader;
import dev.failforward.run.RunIds;
import dev.failforward.run.RunStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run in the failure log, from begin to complete. It is begun before any work, so a killed
 * process leaves an incomplete run that can be resumed, and completed in one transaction with
 * every prediction and failure. Every verb that records a run (scan, probe, compare, ingest) goes through
 * here, so a run is built the same way everywhere.
 */
public final class RunSession {

    private final RunLog log;
    private final RunHeader header;
    private final Run begun;

    private RunSession(RunLog log, RunHeader header, Run begun) {
        this.log = log;
        this.header = header;
        this.begun = begun;
    }

    /** Begins a new run of {@code header} in {@code log}. */
    public static RunSession begin(RunLog log, RunHeader header) {
        Run run = header.begin(RunIds.next(), Instant.now());
        log.begin(run);
        return new RunSession(log, header, run);
    }

    /** Continues {@code incomplete}, a run the log kept from an earlier attempt, under its own id. */
    public static RunSession resume(RunLog log, RunHeader header, Run incomplete) {
        if (incomplete.status() != RunStatus.INCOMPLETE) {
            throw new IllegalArgumentException("run " + incomplete.id() + " is " + incomplete.status() + "; only an incomplete run can be resumed");
        }
        return new RunSession(log, header, incomplete);
    }

    /** {@link #resume} when {@code incomplete} is given, else {@link #begin}. */
    public static RunSession beginOrResume(RunLog log, RunHeader header, Run incomplete) {
        return incomplete == null ? begin(log, header) : resume(log, header, incomplete);
    }

    public String id() {
        return begun.id();
    }

    public RunLog log() {
        return log;
    }

    /**
     * Completes the run with the model it evaluated ({@code modelFingerprint} and {@code modelPath}
     * may be known only now, for a model trained in the run), its metrics, every prediction and
     * failure, and the evaluated rows' values ({@code null}: none kept). Returns the stored run.
     */
    public Run complete(String modelFingerprint, String modelPath, Map<String, Double> metrics,
                        List<PredictionRecord> predictions, List<Failure> failures, RunValues values) {
        return complete(modelFingerprint, modelPath, metrics, predictions, failures, failures.size(), values);
    }

    /**
     * The same, for a run whose failures are counted but not stored one by one ({@code failureCount}):
     * a comparison of stored runs knows which predictions failed, not their inputs.
     */
    public Run completeCounted(Map<String, Double> metrics, List<PredictionRecord> predictions, int failureCount) {
        return complete(null, null, metrics, predictions, List.of(), failureCount, null);
    }

    /**
     * Completes an ingest run through {@code production} (the same store as this session's log): its
     * judged pairs are stored and the events {@code eventIds} marked judged in one transaction.
     */
    public Run completeJudged(ProductionLog production, Map<String, Double> metrics, List<PredictionRecord> predictions,
                              List<Failure> failures, RunValues values, List<String> eventIds) {
        Run done = finished(null, null, metrics, predictions.size(), failures.size());
        production.completeJudged(done, predictions, failures, values, eventIds);
        return done;
    }

    private Run complete(String modelFingerprint, String modelPath, Map<String, Double> metrics,
                         List<PredictionRecord> predictions, List<Failure> failures, int failureCount, RunValues values) {
        Run done = finished(modelFingerprint, modelPath, metrics, predictions.size(), failureCount);
        log.complete(done, predictions, failures, values == null ? RunValues.none() : values);
        return done;
    }

    private Run finished(String modelFingerprint, String modelPath, Map<String, Double> metrics, int predictionCount,
                         int failureCount) {
        String fingerprint = modelFingerprint != null ? modelFingerprint : header.modelFingerprint();
        String path = modelPath != null ? modelPath : header.modelPath();
        Provenance provenance = Provenance.current(header.seed(), header.dataFingerprint(), fingerprint, header.options());
        return new Run(begun.id(), begun.kind(), begun.startedAt(), Instant.now(), RunStatus.COMPLETE, begun.task(),
                begun.target(), begun.classes(), begun.modelId(), fingerprint, path, begun.data(), begun.dataFingerprint(),
                metrics, predictionCount, failureCount, provenance);
    }
}
