package dev.failforward.store;

import java.sql.SQLException;

/**
 * Which database errors mean the environment refused (disk full, read-only, permission, lock,
 * unreachable server, a file that is not a database), said in plain words.
 */
final class Refusals {

    // SQLite primary result codes (extended codes keep them in the low byte).
    private static final int SQLITE_PERM = 3;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private Refusals() {
    }

    /** The plain reason when {@code e}, or an exception it was caused by, is a refusal; else null. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String r = sql.getSQLState() != null && !sql.getClass().getName().startsWith("org.sqlite")
                        ? postgres(sql) : sqlite(sql);
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    private static String sqlite(SQLException e) {
        return switch (e.getErrorCode() & 0xff) {
            case SQLITE_FULL -> "no space left on device";
            case SQLITE_READONLY -> "the store is read-only (a read-only file system, or no permission to write)";
            case SQLITE_CANTOPEN -> "cannot open the database file (no permission, or a read-only folder that cannot "
                    + "hold its -wal and -shm files)";
            case SQLITE_PERM -> "permission denied";
            case SQLITE_NOTADB -> "not a SQLite database file";
            case SQLITE_CORRUPT -> "the database file is damaged (malformed)";
            case SQLITE_BUSY, SQLITE_LOCKED -> "locked by another process";
            case SQLITE_IOERR -> "input/output error: " + StoreException.oneLine(e);
            default -> null;
        };
    }

    private static String postgres(SQLException e) {
        String state = e.getSQLState();
        if (state.equals("53100")) {
            return "no space left on device on the PostgreSQL server";
        }
        if (state.startsWith("53")) {
            return "the PostgreSQL server is out of resources: " + StoreException.oneLine(e);
        }
        if (state.startsWith("08") || state.startsWith("57P")) {
            return "cannot reach the PostgreSQL server: " + StoreException.oneLine(e);
        }
        if (state.startsWith("28")) {
            return "the PostgreSQL server refused the login: " + StoreException.oneLine(e);
        }
        if (state.equals("42501") || state.equals("25006")) {
            return "permission denied: " + StoreException.oneLine(e);
        }
        return null;
    }
}
