package dev.failforward.store;

import dev.failforward.detect.DetectorReport;
import dev.failforward.explain.AttributionContrast;
import dev.failforward.explain.Explanation;
import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.IngestResult;
import dev.failforward.failure.LoggedFailure;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.failure.ProductionEvent;
import dev.failforward.failure.Redaction;
import dev.failforward.failure.RunValues;
import dev.failforward.failure.ScoredRow;
import dev.failforward.failure.StatDimension;
import dev.failforward.failure.StatRow;
import dev.failforward.failure.TriageEvent;
import dev.failforward.failure.ValueRates;
import dev.failforward.log.DetectionLog;
import dev.failforward.log.FailureLog;
import dev.failforward.run.Run;
import dev.failforward.run.RunStatus;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The failure log in a relational database: one SQLite file by default, or PostgreSQL for a
 * team. Opening a log brings its schema up to date (see {@link Migrations}); a run's results are
 * written in one transaction, so a run is either complete with all its rows or incomplete with
 * none. One connection serves the log; its methods are synchronized, so one instance may be
 * shared between threads.
 */
public final class JdbcFailureLog implements FailureLog {

    /** The SQLite file used when no location is given, in the working directory. */
    public static final String DEFAULT_LOCATION = "failforward.db";
    /** Input columns a failure may have (every column but the target): each set of them is one table row. */
    public static final int MAX_INPUT_COLUMNS = InputSet.MAX_COLUMNS;
    /** Rows per JDBC batch when storing a run's predictions and failures. */
    static final int BATCH_SIZE = 1_000;
    /** Tries of a write transaction that finds the SQLite file locked by another process. */
    private static final int BUSY_ATTEMPTS = 8;
    private static final String LATEST = "latest";

    private final StoreLocation where;
    private final Connection connection;
    /** Applied to everything with input values or row keys before it is written. */
    private final Redaction redaction;
    /** SQLite only: checkpoints the WAL beside the writing thread; null for PostgreSQL. */
    private final WalCheckpoints checkpoints;

    private JdbcFailureLog(StoreLocation where, Connection connection, Redaction redaction) {
        this.where = where;
        this.connection = connection;
        this.redaction = redaction;
        this.checkpoints = where.dialect() == Dialect.SQLITE ? new WalCheckpoints(where) : null;
    }

    /**
     * Opens (creating when needed) the log at {@code location}: a file path for SQLite (parent
     * directories are created), a {@code jdbc:sqlite:} URL, or a {@code jdbc:postgresql://} URL;
     * null or blank means {@value #DEFAULT_LOCATION}.
     *
     * @throws StoreException with one line naming the location when it cannot be opened
     */
    public static JdbcFailureLog open(String location) {
        return open(location, Redaction.NONE);
    }

    /**
     * Opens the log at {@code location} (see {@link #open(String)}) so that everything written through
     * it is redacted first: failures, predictions, counts per value, scored rows and production events.
     */
    public static JdbcFailureLog open(String location, Redaction redaction) {
        Objects.requireNonNull(redaction, "redaction");
        StoreLocation where = StoreLocation.parse(location);
        Connection connection = where.connect();
        try {
            Migrations.apply(where, connection);
        } catch (RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return new JdbcFailureLog(where, connection, redaction);
    }

    /** Opens the default log, {@value #DEFAULT_LOCATION} in the working directory. */
    public static JdbcFailureLog open() {
        return open(DEFAULT_LOCATION);
    }

    @Override
    public synchronized void begin(Run run) {
        Objects.requireNonNull(run, "run");
        inTransaction("cannot record the start of run " + run.id(), () -> {
            if (RunRows.byId(connection, run.id()).isPresent()) {
                throw new StoreException("the log already has a run with this id");
            }
            RunRows.insert(connection, incomplete(run));
        });
    }

    /**
     * Stores the predictions and failures and rewrites the run's row as complete (finished now
     * if the run has no finish time), all in one transaction: if anything fails, nothing is
     * written and the run stays incomplete. A run that was never begun is inserted.
     */
    @Override
    public synchronized void complete(Run run, List<PredictionRecord> predictions, List<Failure> failures) {
        complete(run, predictions, failures, RunValues.none());
    }

    /** The same, with the counts per input value that failure rates need (see {@link RunValueRows}). */
    @Override
    public synchronized void complete(Run run, List<PredictionRecord> predictions, List<Failure> failures, RunValues values) {
        Run done = completed(run, predictions, failures, values);
        List<PredictionRecord> storedPredictions = redaction.rowKeys() ? predictions.stream().map(redaction::apply).toList()
                : predictions;
        List<Failure> storedFailures = redaction.isNone() ? failures : failures.stream().map(redaction::apply).toList();
        RunValues storedValues = redaction.apply(values);
        inTransaction("cannot store run " + run.id(), () -> write(done, storedPredictions, storedFailures, storedValues));
    }

    private static Run completed(Run run, List<PredictionRecord> predictions, List<Failure> failures, RunValues values) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(failures, "failures");
        for (Failure f : failures) {
            if (!run.id().equals(f.runId())) {
                throw new IllegalArgumentException("failure " + f.id() + " belongs to run " + f.runId()
                        + ", not to run " + run.id());
            }
        }
        return run.completed(run.finishedAt() == null ? Instant.now() : run.finishedAt(), run.metrics(),
                run.predictionCount(), run.failureCount());
    }

    /** The run's row as complete, with its results; the caller holds the transaction. */
    private void write(Run done, List<PredictionRecord> predictions, List<Failure> failures, RunValues values) throws SQLException {
        if (!RunRows.update(connection, done)) {
            RunRows.insert(connection, done);
        }
        ScoredRows.delete(connection, done.id());
        PredictionRows.insert(connection, done.id(), predictions);
        FailureRows.insert(connection, where.dialect(), failures);
        RunValueRows.delete(connection, done.id());
        RunValueRows.insert(connection, done.id(), values);
    }

    /** Only for an incomplete run; one transaction. */
    @Override
    public synchronized void saveProgress(String runId, List<ScoredRow> rows) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(rows, "rows");
        List<ScoredRow> stored = redaction.rowKeys() ? rows.stream().map(redaction::apply).toList() : rows;
        inTransaction("cannot keep the rows run " + runId + " has scored", () -> {
            Run run = RunRows.byId(connection, runId).orElseThrow(() -> new StoreException("there is no such run"));
            if (run.status() == RunStatus.COMPLETE) {
                throw new StoreException("the run is already complete");
            }
            ScoredRows.insert(connection, runId, stored);
        });
    }

    @Override
    public synchronized List<ScoredRow> progress(String runId) {
        Objects.requireNonNull(runId, "runId");
        return read("cannot read the rows run " + runId + " has scored", () -> ScoredRows.of(connection, runId));
    }

    @Override
    public synchronized List<Run> runs() {
        return read("cannot read the runs", () -> RunRows.all(connection));
    }

    @Override
    public synchronized Optional<Run> run(String idOrLatest) {
        Objects.requireNonNull(idOrLatest, "idOrLatest");
        return read("cannot read run " + idOrLatest, () -> LATEST.equals(idOrLatest)
                ? RunRows.latest(connection) : RunRows.byId(connection, idOrLatest));
    }

    @Override
    public synchronized List<PredictionRecord> predictions(String runId) {
        Objects.requireNonNull(runId, "runId");
        return read("cannot read the predictions of run " + runId, () -> PredictionRows.of(connection, runId));
    }

    @Override
    public synchronized List<LoggedFailure> find(FailureFilter filter) {
        Objects.requireNonNull(filter, "filter");
        if (filter.limit() != null && filter.limit() < 0) {
            throw new IllegalArgumentException("a failure limit must be at least 0, not " + filter.limit());
        }
        return read("cannot read the failures", () -> FailureSearch.find(connection, filter));
    }

    @Override
    public synchronized List<Failure> failures(FailureFilter filter) {
        Objects.requireNonNull(filter, "filter");
        if (filter.limit() != null && filter.limit() < 0) {
            throw new IllegalArgumentException("a failure limit must be at least 0, not " + filter.limit());
        }
        return read("cannot read the failures", () -> FailureSearch.failures(connection, filter));
    }

    @Override
    public synchronized long count(FailureFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return read("cannot count the failures", () -> FailureSearch.count(connection, filter));
    }

    @Override
    public synchronized Optional<LoggedFailure> failure(String id) {
        Objects.requireNonNull(id, "id");
        return read("cannot read failure " + id,
                () -> FailureSearch.by(connection, FailureRows.BY_ID, FailureRows.byId(id)).stream().findFirst());
    }

    @Override
    public synchronized List<LoggedFailure> history(String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        return read("cannot read the history of " + fingerprint, () -> FailureSearch.by(connection,
                "f.num IN (SELECT s.failure FROM failure_fingerprints s WHERE s.fingerprint_key = ?) AND f.fingerprint = ?",
                FingerprintKey.of(fingerprint), fingerprint));
    }

    @Override
    public synchronized void triage(TriageEvent event) {
        Objects.requireNonNull(event, "event");
        inTransaction("cannot record the triage of " + event.failureId(), () -> TriageRows.insert(connection, event));
    }

    @Override
    public synchronized List<TriageEvent> triageHistory(String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        return read("cannot read the triage of " + fingerprint, () -> TriageRows.of(connection, fingerprint));
    }

    @Override
    public synchronized IngestResult store(List<ProductionEvent> events) {
        Objects.requireNonNull(events, "events");
        IngestResult[] result = new IngestResult[1];
        List<ProductionEvent> stored = redaction.isNone() ? events : events.stream().map(redaction::apply).toList();
        inTransaction("cannot store the production events", () -> result[0] = ProductionRows.store(connection, stored));
        return result[0];
    }

    @Override
    public synchronized List<ProductionEvent> unjudged() {
        return read("cannot read the production events", () -> ProductionRows.unjudged(connection));
    }

    /**
     * Not redacted again: the pairs were read from the log, redacted when their events were stored, and
     * their row keys are event ids, which production capture keeps as they are.
     */
    @Override
    public synchronized void completeJudged(Run run, List<PredictionRecord> predictions, List<Failure> failures,
                                            RunValues values, List<String> eventIds) {
        Objects.requireNonNull(eventIds, "eventIds");
        Run done = completed(run, predictions, failures, values);
        inTransaction("cannot store run " + run.id(), () -> {
            write(done, predictions, failures, values);
            ProductionRows.markJudged(connection, done.id(), eventIds);
        });
    }

    @Override
    public synchronized List<ProductionEvent> judgedEvents() {
        return read("cannot read the production events", () -> ProductionRows.judged(connection));
    }

    @Override
    public synchronized Run resume(String runId) {
        Objects.requireNonNull(runId, "runId");
        Run run = run(runId).orElseThrow(() -> new IllegalArgumentException("no run '" + runId + "' in " + location()
                + "; see 'failforward log runs'"));
        if (run.status() == RunStatus.COMPLETE) {
            throw new IllegalArgumentException("run " + run.id() + " is already complete; only an incomplete run can be resumed");
        }
        return run;
    }

    @Override
    public synchronized int purge(List<String> runIds) {
        Objects.requireNonNull(runIds, "runIds");
        int[] purged = new int[1];
        inTransaction("cannot purge runs", () -> purged[0] = Purge.runs(connection, runIds));
        return purged[0];
    }

    @Override
    public synchronized List<StatRow> stats(String runId, StatDimension by, String column) {
        Objects.requireNonNull(by, "by");
        if (by == StatDimension.FEATURE && (column == null || column.isBlank())) {
            throw new IllegalArgumentException("statistics by feature need a column name");
        }
        return read("cannot compute statistics", () -> StatQueries.stats(connection, runId, by, column));
    }

    @Override
    public synchronized ValueRates rates(String runId, String column) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("failure rates per value need a column name");
        }
        return read("cannot compute failure rates", () -> RunValueRows.rates(connection, runId, column));
    }

    @Override
    public synchronized void saveAttributions(String runId, Map<String, Explanation> byFailureId) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(byFailureId, "byFailureId");
        inTransaction("cannot store the attributions of run " + runId, () -> AttributionRows.save(connection, runId, byFailureId));
    }

    @Override
    public synchronized List<Explanation> attributions(String failureId) {
        Objects.requireNonNull(failureId, "failureId");
        return read("cannot read the attributions of failure " + failureId, () -> AttributionRows.ofFailure(connection, failureId));
    }

    @Override
    public synchronized Map<String, List<Explanation>> attributionsOfRun(String runId) {
        Objects.requireNonNull(runId, "runId");
        return read("cannot read the attributions of run " + runId, () -> AttributionRows.ofRun(connection, runId));
    }

    @Override
    public synchronized void saveContrast(String runId, AttributionContrast contrast) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(contrast, "contrast");
        inTransaction("cannot store the attribution contrast of run " + runId, () -> ContrastRows.save(connection, runId, contrast));
    }

    @Override
    public synchronized List<AttributionContrast> contrasts(String runId) {
        Objects.requireNonNull(runId, "runId");
        return read("cannot read the attribution contrasts of run " + runId, () -> ContrastRows.ofRun(connection, runId));
    }

    @Override
    public synchronized void saveDetections(String runId, DetectorReport detections) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(detections, "detections");
        inTransaction("cannot store the detector results of run " + runId, () -> DetectionRows.save(connection, runId, detections));
    }

    @Override
    public synchronized DetectorReport detections(String runId) {
        Objects.requireNonNull(runId, "runId");
        return read("cannot read the detector results of run " + runId, () -> DetectionRows.ofRun(connection, runId));
    }

    @Override
    public String location() {
        return where.display();
    }

    @Override
    public synchronized void close() {
        try {
            if (checkpoints != null) {
                checkpoints.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw failed("cannot close the log", e);
        }
    }

    @Override
    public String toString() {
        return "JdbcFailureLog[" + location() + "]";
    }

    private static Run incomplete(Run run) {
        return new Run(run.id(), run.kind(), run.startedAt(), run.finishedAt(), RunStatus.INCOMPLETE,
                run.task(), run.target(), run.classes(), run.modelId(), run.modelFingerprint(), run.modelPath(),
                run.data(), run.dataFingerprint(), run.metrics(), run.predictionCount(), run.failureCount(),
                run.provenance());
    }

    /** A read of the database. */
    @FunctionalInterface
    private interface Read<T> {
        T run() throws SQLException;
    }

    /** Work that needs a transaction. */
    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    private <T> T read(String what, Read<T> read) {
        try {
            return read.run();
        } catch (SQLException e) {
            throw failed(what, e);
        } catch (StoreException e) {
            throw located(what, e);
        }
    }

    /**
     * Runs the work in one transaction: commits when it ends normally, rolls back on any exception.
     * When another process holds SQLite's write lock past the busy timeout, or a snapshot went
     * stale under WAL, the whole transaction is tried again a few times, after a short pause.
     */
    private void inTransaction(String what, Work work) {
        for (int attempt = 1; ; attempt++) {
            try {
                once(what, work);
                return;
            } catch (StoreException e) {
                if (attempt >= BUSY_ATTEMPTS || !(e.getCause() instanceof SQLException sql) || !busy(sql)) {
                    throw e;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean busy(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED") || m.contains("database is locked");
    }

    private void once(String what, Work work) {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failed(what, e);
        }
        Throwable failure = null;
        try {
            work.run();
            connection.commit();
            if (checkpoints != null) {
                checkpoints.request();
            }
        } catch (SQLException | RuntimeException | Error e) {
            failure = e;
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // SQLite ends a transaction itself on SQLITE_FULL; restoring auto-commit then fails
                // with "no transaction is active", which must not hide the real cause.
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof SQLException e) {
            throw failed(what, e);
        }
        if (failure instanceof StoreException e) {
            throw located(what, e);
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** A problem found below (bad JSON, a duplicate run), with the location and what we were doing. */
    private StoreException located(String what, StoreException e) {
        if (e instanceof StoreRefusedException) {
            return new StoreRefusedException(where.display() + ": " + what + ": " + e.getMessage(), e);
        }
        return new StoreException(where.display() + ": " + what + ": " + e.getMessage(), e);
    }

    private StoreException failed(String what, SQLException e) {
        String refused = Refusals.reason(e);
        if (refused != null) {
            return new StoreRefusedException(where.display() + ": " + what + ": " + refused, e);
        }
        return new StoreException(where.display() + ": " + what + ": " + StoreException.oneLine(e), e);
    }
}
