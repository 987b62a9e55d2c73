package dev.failforward.store;

import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves a log of schema version 31 to per-column-set input tables ({@link InputSet}): creates the
 * catalogue, writes each stored failure's inputs (read from its input JSON, which keeps the
 * column order) into its set's table, and drops the long-format {@code failure_inputs}. Used by
 * migration V32, in its transaction: a failure part-way leaves the log as it was.
 */
public final class InputTables {

    /** Failures read and written at a time, so a large log is not held in memory. */
    private static final int CHUNK = 10_000;

    private InputTables() {
    }

    public static void migrate(Connection c) throws SQLException {
        boolean postgres = c.isWrapperFor(PGConnection.class);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE input_sets (id " + (postgres ? "BIGINT" : "INTEGER") + " PRIMARY KEY, columns TEXT NOT NULL)");
        }
        long after = Long.MIN_VALUE;
        while (true) {
            List<Long> nums = new ArrayList<>(CHUNK);
            List<Map<String, Object>> inputs = new ArrayList<>(CHUNK);
            try (PreparedStatement s = c.prepareStatement("SELECT num, input FROM failures WHERE num > ? ORDER BY num LIMIT " + CHUNK)) {
                s.setLong(1, after);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        nums.add(r.getLong(1));
                        inputs.add(Json.values(r.getString(2)));
                    }
                }
            }
            if (nums.isEmpty()) {
                break;
            }
            after = nums.get(nums.size() - 1);
            InputRows.insert(c, postgres, nums.stream().mapToLong(Long::longValue).toArray(), inputs);
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE failure_inputs");
        }
    }
}
