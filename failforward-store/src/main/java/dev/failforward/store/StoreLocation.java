package dev.failforward.store;

import dev.failforward.run.Secrets;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Where a failure log lives: the location as the user gave it, the JDBC URL it stands for, its
 * {@link Dialect} and, for SQLite, the file (null for a server). Knows how to open a connection set up the way the
 * log needs it (WAL and foreign keys on SQLite, batched inserts on PostgreSQL).
 */
public record StoreLocation(String given, String jdbcUrl, Dialect dialect, Path file) {

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
    private static final int SQLITE_NOTADB = 26;
    private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;
    private static final int SQLITE_CACHE_KIB = 256 * 1024;
    /** Pages of WAL (4 KiB each) at which a commit checkpoints in its own thread. */
    private static final int SQLITE_WAL_BACKSTOP_PAGES = 262_144;

    /** A file path (SQLite), a {@code jdbc:sqlite:} URL or a {@code jdbc:postgresql:} URL; blank means the default file. */
    public static StoreLocation parse(String location) {
        String given = location == null || location.isBlank() ? JdbcFailureLog.DEFAULT_LOCATION : location.strip();
        if (given.startsWith(POSTGRESQL_PREFIX)) {
            return new StoreLocation(given, given, Dialect.POSTGRESQL, null);
        }
        if (given.startsWith(SQLITE_PREFIX)) {
            String rest = given.substring(SQLITE_PREFIX.length());
            int query = rest.indexOf('?');
            String path = query < 0 ? rest : rest.substring(0, query);
            if (path.startsWith("file:")) {
                path = path.substring("file:".length());
            }
            if (path.isEmpty() || path.equals(":memory:") || rest.contains("mode=memory")) {
                throw new StoreException(Secrets.redact(given)
                        + ": an in-memory SQLite database cannot hold a failure log; give a file path");
            }
            return new StoreLocation(given, given, Dialect.SQLITE, file(given, path));
        }
        if (given.startsWith("jdbc:")) {
            throw new StoreException(Secrets.redact(given) + ": unsupported database; expected a file path (SQLite), "
                    + "jdbc:sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DATABASE");
        }
        return new StoreLocation(given, SQLITE_PREFIX + given, Dialect.SQLITE, file(given, given));
    }

    private static Path file(String given, String path) {
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            throw new StoreException(Secrets.redact(given) + ": not a valid file path: " + e.getReason(), e);
        }
    }

    /** The location for messages, password redacted. */
    public String display() {
        return Secrets.redact(given);
    }

    /** A new connection, ready for use, or a {@link StoreException} that says why there is none. */
    Connection connect() {
        if (dialect == Dialect.SQLITE) {
            prepareFile();
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection(jdbcUrl, properties());
        } catch (SQLException e) {
            throw opening(e);
        }
        try {
            if (dialect == Dialect.SQLITE) {
                configureSqlite(connection);
            }
            return connection;
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw opening(e);
        }
    }

    private void prepareFile() {
        if (Files.isDirectory(file)) {
            throw new StoreRefusedException(display() + ": is a directory; expected a SQLite database file "
                    + "(e.g. " + file.resolve(JdbcFailureLog.DEFAULT_LOCATION) + ")");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new StoreRefusedException(display() + ": cannot create the directory " + parent + ": " + why(e), e);
            }
        }
    }

    private static String why(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file";
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied on " + f.getFile();
        }
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + ": no such file or directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        return StoreException.oneLine(e);
    }

    private Properties properties() {
        Properties p = new Properties();
        if (dialect == Dialect.SQLITE) {
            // Write transactions take the write lock when they begin, so a second writer waits
            // (busy timeout) instead of failing when its read lock cannot be upgraded.
            p.setProperty("transaction_mode", "IMMEDIATE");
        }
        if (dialect == Dialect.POSTGRESQL) {
            // Lets the driver send a batch of inserts as multi-row statements; URL parameters still win.
            p.setProperty("reWriteBatchedInserts", "true");
            p.setProperty("ApplicationName", "FailForward");
        }
        return p;
    }

    private static void configureSqlite(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA busy_timeout = " + SQLITE_BUSY_TIMEOUT_MS);
            // A run's results go in one large transaction; with SQLite's default 2 MB page cache its
            // index pages would be spilled to the WAL and read back over and over.
            s.execute("PRAGMA cache_size = -" + SQLITE_CACHE_KIB);
            // In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process loses
            // nothing committed and the file stays consistent; only a power cut may lose the last
            // commits. Temporary B-trees (sorts, IN lists) stay in memory.
            s.execute("PRAGMA synchronous = NORMAL");
            s.execute("PRAGMA temp_store = MEMORY");
            // The log is checkpointed after each commit on a background thread (WalCheckpoints);
            // SQLite's own checkpoint in the committing thread is only a backstop at 1 GiB of log.
            s.execute("PRAGMA wal_autocheckpoint = " + SQLITE_WAL_BACKSTOP_PAGES);
            // The first statement that reads the file: it fails here when the file is not SQLite.
            try (ResultSet r = s.executeQuery("PRAGMA journal_mode = WAL")) {
                r.next();
            }
        }
    }

    private StoreException opening(SQLException e) {
        String message = display() + ": " + cannotOpen(e);
        return Refusals.reason(e) != null ? new StoreRefusedException(message, e) : new StoreException(message, e);
    }

    private String cannotOpen(SQLException e) {
        if (dialect == Dialect.POSTGRESQL) {
            return "cannot connect to PostgreSQL: " + StoreException.oneLine(e);
        }
        if (e.getErrorCode() == SQLITE_NOTADB) {
            return "not a SQLite database file";
        }
        String refused = Refusals.reason(e);
        return "cannot open the SQLite file: " + (refused != null ? refused : StoreException.oneLine(e));
    }
}
