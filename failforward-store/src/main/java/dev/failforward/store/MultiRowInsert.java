package dev.failforward.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Appends rows with {@code INSERT … VALUES (…), (…), …}: many rows per statement execution, so a
 * run's tens of thousands of rows cost a few hundred statement steps instead of one per row (on
 * SQLite each step is a native call; on PostgreSQL each is a round trip's worth of protocol).
 * The number of rows is known up front, so each value is bound straight into the statement that
 * will carry it (no copy, no boxing here): the full statement, reused, and one shorter statement
 * for the last rows. Values are given per row with the typed methods, then {@link #endRow()};
 * {@link #finish()} checks that every announced row came. The caller holds the transaction.
 */
final class MultiRowInsert implements AutoCloseable {

    /** Parameters per statement: well under both databases' limits (SQLite 32,766; PostgreSQL 65,535). */
    private static final int MAX_PARAMETERS = 4_000;

    private final Connection connection;
    private final String head;
    private final int width;
    private final int rowsPerStatement;
    private PreparedStatement full;
    private PreparedStatement current;
    private int chunkRows;
    private int rowsInChunk;
    private int remaining;
    private int parameter;

    /**
     * {@code columns} is the parenthesised column list's content, {@code width} how many there
     * are, {@code rows} how many rows will be appended.
     */
    MultiRowInsert(Connection connection, String table, String columns, int width, int rows) {
        this.connection = connection;
        this.head = "INSERT INTO " + table + " (" + columns + ") VALUES ";
        this.width = width;
        this.rowsPerStatement = Math.max(1, MAX_PARAMETERS / width);
        this.remaining = rows;
    }

    MultiRowInsert text(String value) throws SQLException {
        PreparedStatement s = statement();
        if (value == null) {
            s.setNull(++parameter, Types.VARCHAR);
        } else {
            s.setString(++parameter, value);
        }
        return this;
    }

    MultiRowInsert integer(long value) throws SQLException {
        statement().setLong(++parameter, value);
        return this;
    }

    /** A number, or NULL for null and NaN (see {@link SqlValues}). */
    MultiRowInsert real(Double value) throws SQLException {
        return value == null ? nullReal() : real(value.doubleValue());
    }

    MultiRowInsert real(double value) throws SQLException {
        if (Double.isNaN(value)) {
            return nullReal();
        }
        statement().setDouble(++parameter, value);
        return this;
    }

    private MultiRowInsert nullReal() throws SQLException {
        statement().setNull(++parameter, Types.DOUBLE);
        return this;
    }

    /** The statement of the rows being bound: the full one, or the shorter one for the last rows. */
    private PreparedStatement statement() throws SQLException {
        if (current == null) {
            if (remaining <= 0) {
                throw new IllegalStateException("more rows for " + head + " than announced");
            }
            chunkRows = Math.min(rowsPerStatement, remaining);
            if (chunkRows == rowsPerStatement) {
                if (full == null) {
                    full = connection.prepareStatement(sql(rowsPerStatement));
                }
                current = full;
            } else {
                current = connection.prepareStatement(sql(chunkRows));
            }
        }
        return current;
    }

    /** Ends the current row; writes the statement when all its rows are bound. */
    void endRow() throws SQLException {
        if (parameter != (rowsInChunk + 1) * width) {
            throw new IllegalStateException("a row of " + head + " has " + (parameter - rowsInChunk * width)
                    + " values, not " + width);
        }
        if (++rowsInChunk == chunkRows) {
            try {
                current.executeUpdate();
            } finally {
                if (current != full) {
                    current.close();
                }
                current = null;
            }
            remaining -= chunkRows;
            rowsInChunk = 0;
            parameter = 0;
        }
    }

    private String sql(int rows) {
        String row = "(?" + ", ?".repeat(width - 1) + ")";
        StringBuilder sb = new StringBuilder(head.length() + rows * (row.length() + 2)).append(head);
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "" : ", ").append(row);
        }
        return sb.toString();
    }

    /** Checks that every announced row was written. */
    void finish() {
        if (remaining != 0 || parameter != 0) {
            throw new IllegalStateException(remaining + " announced rows of " + head + " were not written");
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (current != null && current != full) {
                current.close();
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }
}
