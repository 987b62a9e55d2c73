package dev.failforward.store;

import dev.failforward.explain.Explanation;
import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureLog;
import dev.failforward.failure.FailureQuery;
import dev.failforward.failure.PredictionRecord;
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
    /** Rows per JDBC batch when storing a run's predictions and failures. */
    static final int BATCH_SIZE = 1_000;
    private static final String LATEST = "latest";

    private final StoreLocation where;
    private final Connection connection;

    private JdbcFailureLog(StoreLocation where, Connection connection) {
        this.where = where;
        this.connection = connection;
    }

    /**
     * Opens (creating when needed) the log at {@code location}: a file path for SQLite (parent
     * directories are created), a {@code jdbc:sqlite:} URL, or a {@code jdbc:postgresql://} URL;
     * null or blank means {@value #DEFAULT_LOCATION}.
     *
     * @throws StoreException with one line naming the location when it cannot be opened
     */
    public static JdbcFailureLog open(String location) {
        StoreLocation where = StoreLocation.parse(location);
        Connection connection = where.connect();
        try {
            Migrations.apply(where);
        } catch (RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return new JdbcFailureLog(where, connection);
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
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(failures, "failures");
        for (Failure f : failures) {
            if (!run.id().equals(f.runId())) {
                throw new IllegalArgumentException("failure " + f.id() + " belongs to run " + f.runId()
                        + ", not to run " + run.id());
            }
        }
        Run done = run.completed(run.finishedAt() == null ? Instant.now() : run.finishedAt(), run.metrics(),
                run.predictionCount(), run.failureCount());
        inTransaction("cannot store run " + run.id(), () -> {
            if (!RunRows.update(connection, done)) {
                RunRows.insert(connection, done);
            }
            PredictionRows.insert(connection, run.id(), predictions);
            FailureRows.insert(connection, failures);
        });
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
    public synchronized List<Failure> failures(FailureQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.limit() != null && query.limit() < 0) {
            throw new IllegalArgumentException("a failure limit must be at least 0, not " + query.limit());
        }
        return read("cannot read the failures", () -> FailureRows.find(connection, query));
    }

    @Override
    public synchronized long countFailures(FailureQuery query) {
        Objects.requireNonNull(query, "query");
        return read("cannot count the failures", () -> FailureRows.count(connection, query));
    }

    @Override
    public synchronized List<PredictionRecord> predictions(String runId) {
        Objects.requireNonNull(runId, "runId");
        return read("cannot read the predictions of run " + runId, () -> PredictionRows.of(connection, runId));
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
    public String location() {
        return where.display();
    }

    @Override
    public synchronized void close() {
        try {
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

    /** Runs the work in one transaction: commits when it ends normally, rolls back on any exception. */
    private void inTransaction(String what, Work work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(what, e);
        } catch (StoreException e) {
            throw located(what, e);
        }
    }

    /** A problem found below (bad JSON, a duplicate run), with the location and what we were doing. */
    private StoreException located(String what, StoreException e) {
        return new StoreException(where.display() + ": " + what + ": " + e.getMessage(), e);
    }

    private StoreException failed(String what, SQLException e) {
        return new StoreException(where.display() + ": " + what + ": " + StoreException.oneLine(e), e);
    }
}
