package dev.failforward.cli;

import dev.failforward.detect.DetectionLog;
import dev.failforward.detect.DetectorReport;
import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.FailureLog;
import dev.failforward.failure.FailureQuery;
import dev.failforward.failure.IngestResult;
import dev.failforward.failure.LoggedFailure;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.failure.ProductionEvent;
import dev.failforward.failure.RunValues;
import dev.failforward.failure.StatDimension;
import dev.failforward.failure.StatRow;
import dev.failforward.failure.TriageEvent;
import dev.failforward.failure.ValueRates;
import dev.failforward.run.Run;

import java.util.List;
import java.util.Optional;

/** A failure log that redacts chosen input columns of everything written to it; reads pass through. */
final class RedactingFailureLog implements FailureLog, DetectionLog {

    private final FailureLog log;
    private final Redactor redactor;

    RedactingFailureLog(FailureLog log, Redactor redactor) {
        this.log = log;
        this.redactor = redactor;
    }

    @Override
    public void begin(Run run) {
        log.begin(run);
    }

    @Override
    public void complete(Run run, List<PredictionRecord> predictions, List<Failure> failures) {
        log.complete(run, predictions, failures.stream().map(redactor::apply).toList());
    }

    /**
     * Counts of a redacted column are kept per hashed value, like its failures' inputs; a redacted
     * numeric column is left out, since its bin edges would be clear values.
     */
    @Override
    public void complete(Run run, List<PredictionRecord> predictions, List<Failure> failures, RunValues values) {
        log.complete(run, predictions, failures.stream().map(redactor::apply).toList(), redactor.apply(values));
    }

    /** Detectors never see redacted columns (see {@code DetectorPlan#hidden}), so their results pass as they are. */
    @Override
    public void saveDetections(String runId, DetectorReport detections) {
        if (log instanceof DetectionLog stored) {
            stored.saveDetections(runId, detections);
        }
    }

    @Override
    public DetectorReport detections(String runId) {
        return log instanceof DetectionLog stored ? stored.detections(runId) : DetectorReport.none();
    }

    @Override
    public IngestResult ingest(String source, List<ProductionEvent> events) {
        return log.ingest(source, events.stream().map(redactor::apply).toList());
    }

    @Override
    public List<Run> runs() {
        return log.runs();
    }

    @Override
    public Optional<Run> run(String idOrLatest) {
        return log.run(idOrLatest);
    }

    @Override
    public List<Failure> failures(FailureQuery query) {
        return log.failures(query);
    }

    @Override
    public long countFailures(FailureQuery query) {
        return log.countFailures(query);
    }

    @Override
    public List<PredictionRecord> predictions(String runId) {
        return log.predictions(runId);
    }

    @Override
    public List<LoggedFailure> find(FailureFilter filter) {
        return log.find(filter);
    }

    @Override
    public long count(FailureFilter filter) {
        return log.count(filter);
    }

    @Override
    public Optional<LoggedFailure> failure(String id) {
        return log.failure(id);
    }

    @Override
    public List<LoggedFailure> history(String fingerprint) {
        return log.history(fingerprint);
    }

    @Override
    public void triage(TriageEvent event) {
        log.triage(event);
    }

    @Override
    public List<TriageEvent> triageHistory(String fingerprint) {
        return log.triageHistory(fingerprint);
    }

    @Override
    public Run resume(String runId) {
        return log.resume(runId);
    }

    @Override
    public int purge(List<String> runIds) {
        return log.purge(runIds);
    }

    @Override
    public List<StatRow> stats(String runId, StatDimension by, String column) {
        return log.stats(runId, by, column);
    }

    @Override
    public ValueRates rates(String runId, String column) {
        return log.rates(runId, column);
    }

    @Override
    public String location() {
        return log.location();
    }

    @Override
    public void close() {
        log.close();
    }
}
