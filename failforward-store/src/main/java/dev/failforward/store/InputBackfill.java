package dev.failforward.store;

import dev.failforward.failure.Failure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed input rows for failures that have none (stored before schema version 2); used by migration V3. */
public final class InputBackfill {

    private InputBackfill() {
    }

    /** Runs in the migration's transaction. */
    public static void run(Connection c) throws SQLException {
        List<Failure> batch = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, input FROM failures f "
                + "WHERE NOT EXISTS (SELECT 1 FROM failure_inputs i WHERE i.failure_id = f.id) ORDER BY run_id, seq");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Map<String, Object> input = Json.values(r.getString(2));
                batch.add(new Failure(r.getString(1), "", null, "", input, null, null, Map.of(), null, null, 0, List.of(), ""));
            }
        }
        InputRows.insert(c, batch);
    }
}
