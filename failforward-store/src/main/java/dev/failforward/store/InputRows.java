package dev.failforward.store;

import dev.failforward.failure.Failure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;

/**
 * The {@code failure_inputs} table: each failure's input values, one row per column, typed.
 * Numbers go to {@code num_value}; strings and booleans ({@code true}/{@code false}) to
 * {@code text_value}; a missing value leaves both NULL. NaN is stored as NULL (SQLite cannot hold it).
 */
final class InputRows {

    private static final String INSERT = "INSERT INTO failure_inputs (failure_id, name, num_value, text_value) VALUES (?, ?, ?, ?)";

    private InputRows() {
    }

    /** Inserts in batches; the caller holds the transaction. */
    static void insert(Connection c, List<Failure> failures) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            int pending = 0;
            for (Failure f : failures) {
                for (Map.Entry<String, Object> e : f.input().entrySet()) {
                    s.setString(1, f.id());
                    s.setString(2, e.getKey());
                    Object v = e.getValue();
                    if (v instanceof Number n && !(Double.isNaN(n.doubleValue()))) {
                        s.setDouble(3, n.doubleValue());
                        s.setNull(4, Types.VARCHAR);
                    } else if (v == null || v instanceof Number) {
                        s.setNull(3, Types.DOUBLE);
                        s.setNull(4, Types.VARCHAR);
                    } else {
                        s.setNull(3, Types.DOUBLE);
                        s.setString(4, String.valueOf(v));
                    }
                    s.addBatch();
                    if (++pending == JdbcFailureLog.BATCH_SIZE * 4) {
                        s.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                s.executeBatch();
            }
        }
    }
}
