package dev.failforward.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The database a failure log is in, known from its location ({@link StoreLocation#parse}) and
 * passed to whatever writes SQL that differs between the two: the schema's placeholders, the
 * tables made at run time, and how failures are numbered and their inputs loaded.
 */
public enum Dialect {

    /** One file; {@code INTEGER PRIMARY KEY} is the rowid, so integer keys are {@code INTEGER}. */
    SQLITE("INTEGER", " WITHOUT ROWID"),
    /** A server shared by a team. */
    POSTGRESQL("BIGINT", "");

    private final String key;
    private final String withoutRowid;

    Dialect(String key, String withoutRowid) {
        this.key = key;
        this.withoutRowid = withoutRowid;
    }

    /** The dialect of the log at this location (a file path, {@code jdbc:sqlite:} or {@code jdbc:postgresql:}). */
    public static Dialect of(String location) {
        return StoreLocation.parse(location).dialect();
    }

    /** The column type of 64-bit integer keys (failure numbers, column-set ids, fingerprint keys). */
    String key() {
        return key;
    }

    /** What ends a {@code CREATE TABLE} of keys alone: a clustered index on SQLite. */
    String withoutRowid() {
        return withoutRowid;
    }

    /** The values of the migration scripts' placeholders. */
    Map<String, String> placeholders() {
        return Map.of("key", key, "without_rowid", withoutRowid);
    }

    /**
     * Keeps other writers from numbering failures until the caller's transaction ends: PostgreSQL
     * locks the table (readers go on); SQLite's write transaction already excludes other writers.
     */
    void lockForNumbering(Statement s) throws SQLException {
        if (this == POSTGRESQL) {
            s.execute("LOCK TABLE failures IN SHARE ROW EXCLUSIVE MODE");
        }
    }

    /** Whether input rows are streamed with {@code COPY} (PostgreSQL) rather than multi-row inserts. */
    boolean copiesInputs() {
        return this == POSTGRESQL;
    }
}
