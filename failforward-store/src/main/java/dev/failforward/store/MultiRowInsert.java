package dev.failforward.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Appends rows with {@code INSERT … VALUES (…), (…), …}: many rows per statement execution, so a
 * run's tens of thousands of rows cost a few hundred statement steps instead of one per row (on
 * SQLite each step is a native call; on PostgreSQL each is a round trip's worth of protocol).
 * Values are collected per row with the typed methods, then {@link #endRow()}; {@link #finish()}
 * writes what is left. The caller holds the transaction.
 */
final class MultiRowInsert implements AutoCloseable {

    /** Parameters per statement: well under both databases' limits (SQLite 32,766; PostgreSQL 65,535). */
    private static final int MAX_PARAMETERS = 4_000;
    private static final Object NULL_TEXT = new Object();
    private static final Object NULL_REAL = new Object();

    private final Connection connection;
    private final String head;
    private final int width;
    private final int rowsPerStatement;
    private final Object[] values;
    private PreparedStatement full;
    private int count;

    /** {@code columns} is the parenthesised column list's content, {@code width} how many there are. */
    MultiRowInsert(Connection connection, String table, String columns, int width) {
        this.connection = connection;
        this.head = "INSERT INTO " + table + " (" + columns + ") VALUES ";
        this.width = width;
        this.rowsPerStatement = Math.max(1, MAX_PARAMETERS / width);
        this.values = new Object[rowsPerStatement * width];
    }

    MultiRowInsert text(String value) {
        values[count++] = value == null ? NULL_TEXT : value;
        return this;
    }

    MultiRowInsert integer(long value) {
        values[count++] = value;
        return this;
    }

    /** A number, or NULL for null and NaN (see {@link SqlValues}). */
    MultiRowInsert real(Double value) {
        values[count++] = value == null || value.isNaN() ? NULL_REAL : value;
        return this;
    }

    MultiRowInsert real(double value) {
        values[count++] = Double.isNaN(value) ? NULL_REAL : (Object) value;
        return this;
    }

    /** Ends the current row; writes a full statement's worth of rows. */
    void endRow() throws SQLException {
        if (count % width != 0) {
            throw new IllegalStateException("a row of " + head + " has " + (count % width) + " values, not " + width);
        }
        if (count == values.length) {
            if (full == null) {
                full = connection.prepareStatement(sql(rowsPerStatement));
            }
            execute(full, count);
        }
    }

    private void execute(PreparedStatement s, int n) throws SQLException {
        for (int i = 0; i < n; i++) {
            Object v = values[i];
            if (v instanceof String t) {
                s.setString(i + 1, t);
            } else if (v instanceof Long l) {
                s.setLong(i + 1, l);
            } else if (v instanceof Double d) {
                s.setDouble(i + 1, d);
            } else if (v == NULL_TEXT) {
                s.setNull(i + 1, Types.VARCHAR);
            } else {
                s.setNull(i + 1, Types.DOUBLE);
            }
            values[i] = null;
        }
        s.executeUpdate();
        count = 0;
    }

    private String sql(int rows) {
        String row = "(?" + ", ?".repeat(width - 1) + ")";
        StringBuilder sb = new StringBuilder(head.length() + rows * (row.length() + 2)).append(head);
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "" : ", ").append(row);
        }
        return sb.toString();
    }

    /** Writes the rows not yet written. */
    void finish() throws SQLException {
        if (count > 0) {
            try (PreparedStatement rest = connection.prepareStatement(sql(count / width))) {
                execute(rest, count);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (full != null) {
            full.close();
        }
    }
}
