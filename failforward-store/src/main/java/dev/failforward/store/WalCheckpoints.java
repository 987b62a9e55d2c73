package dev.failforward.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Copies SQLite's write-ahead log into the database file on a background thread, on a connection
 * of its own, after a write transaction commits. SQLite would otherwise do this checkpoint in the
 * committing thread (at every commit that leaves the log over its auto-checkpoint size), and on a
 * run of 200,000 failures it was a fifth of the append's time; on a machine with two cores the
 * copy now runs beside the work that follows. A passive checkpoint takes no lock that a writer or
 * reader waits for, and a crash in the middle loses nothing: the log is still in the WAL file.
 * The writer's connection keeps a large auto-checkpoint size as a backstop (see
 * {@link StoreLocation}), and closing the log waits for a checkpoint under way.
 */
final class WalCheckpoints implements AutoCloseable {

    private final StoreLocation where;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "failforward-wal-checkpoint");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Used by the background thread only. */
    private Connection connection;

    WalCheckpoints(StoreLocation where) {
        this.where = where;
    }

    /** Asks for a checkpoint after a commit; one already waiting covers this commit too. */
    void request() {
        if (pending.compareAndSet(false, true)) {
            thread.execute(this::checkpoint);
        }
    }

    private void checkpoint() {
        pending.set(false);
        try {
            if (connection == null) {
                connection = where.connect();
            }
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
        } catch (SQLException | RuntimeException e) {
            // Best effort: the next checkpoint, the backstop or closing the log copies these pages.
        }
    }

    /** Waits for a checkpoint under way, then closes the thread's connection. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Nothing was written on this connection: there is nothing to lose.
            }
        }
    }
}
