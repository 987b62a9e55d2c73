package dev.failforward.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;

/**
 * Typed input rows for failures that have none (stored before schema version 2); used by
 * migration V3, so it writes the table as it was then ({@code failure_id} text, not the failure's
 * number of version 24).
 */
public final class InputBackfill {

    private InputBackfill() {
    }

    /** Runs in the migration's transaction. */
    public static void run(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, input FROM failures f "
                + "WHERE NOT EXISTS (SELECT 1 FROM failure_inputs i WHERE i.failure_id = f.id) ORDER BY run_id, seq");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO failure_inputs (failure_id, name, num_value, text_value) VALUES (?, ?, ?, ?)");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                for (Map.Entry<String, Object> e : Json.values(r.getString(2)).entrySet()) {
                    insert.setString(1, r.getString(1));
                    insert.setString(2, e.getKey());
                    Object v = e.getValue();
                    if (v instanceof Number n && !Double.isNaN(n.doubleValue())) {
                        insert.setDouble(3, n.doubleValue());
                        insert.setNull(4, Types.VARCHAR);
                    } else {
                        insert.setNull(3, Types.DOUBLE);
                        if (v == null || v instanceof Number) {
                            insert.setNull(4, Types.VARCHAR);
                        } else {
                            insert.setString(4, String.valueOf(v));
                        }
                    }
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
