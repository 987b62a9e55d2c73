package dev.failforward.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Binding and reading the values that the two databases would otherwise treat differently.
 * SQLite turns a NaN into NULL, so NaN is stored as NULL on both: an optional number that is
 * NaN reads back as null, and a loss (never null) reads back as NaN. Instants are ISO-8601 text,
 * exact to the nanosecond.
 */
final class SqlValues {

    private SqlValues() {
    }

    static void setOptional(PreparedStatement s, int index, Double value) throws SQLException {
        if (value == null || value.isNaN()) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, value);
        }
    }

    static Double getOptional(ResultSet r, int index) throws SQLException {
        double v = r.getDouble(index);
        return r.wasNull() ? null : v;
    }

    static void setLoss(PreparedStatement s, int index, double value) throws SQLException {
        setOptional(s, index, value);
    }

    static double getLoss(ResultSet r, int index) throws SQLException {
        double v = r.getDouble(index);
        return r.wasNull() ? Double.NaN : v;
    }

    static String text(Instant time) {
        return time == null ? null : time.toString();
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** Binds {@code values} to the statement's parameters from the first, in order. */
    static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
    }
}
