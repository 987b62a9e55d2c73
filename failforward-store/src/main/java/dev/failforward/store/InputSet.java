package dev.failforward.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One distinct list of input columns, with its own wide table of typed input values
 * ({@code failure_inputs_<id>}): one row per failure, keyed by the failure's number, and for the
 * column at position {@code k} a number ({@code v<k>_n}) and a text ({@code v<k>_t}) — numbers in
 * the first, strings and booleans in the second, a missing value NULL in both. One row per failure
 * with no index but its key costs a fraction of one indexed row per value, and a filter reads the
 * table once. The catalogue table {@code input_sets} lists the sets (columns as a JSON array); the
 * physical names hold only the set's number and positions, so no column name of the data ever
 * becomes SQL text.
 */
record InputSet(long id, List<String> columns) {

    /**
     * Columns per set: each takes two table columns, and SQLite allows 2,000 per table
     * (PostgreSQL 1,600).
     */
    static final int MAX_COLUMNS = 790;

    InputSet {
        columns = List.copyOf(columns);
    }

    String table() {
        return "failure_inputs_" + id;
    }

    /** The number column of the input column at {@code position}. */
    static String number(int position) {
        return "v" + position + "_n";
    }

    /** The text column of the input column at {@code position}. */
    static String text(int position) {
        return "v" + position + "_t";
    }

    /** The columns of {@link #table()} after the failure's number, in order, comma-separated. */
    String valueColumns() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < columns.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(number(k)).append(", ").append(text(k));
        }
        return sb.toString();
    }

    /** Every set in the log, oldest first. */
    static List<InputSet> all(Connection c) throws SQLException {
        List<InputSet> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, columns FROM input_sets ORDER BY id")) {
            while (r.next()) {
                out.add(new InputSet(r.getLong(1), Json.strings(r.getString(2))));
            }
        }
        return out;
    }

    /**
     * The set of exactly these columns in this order, creating it and its table (in the caller's
     * transaction) when the log has none; {@code known} is the catalogue as read in the same
     * transaction and gets the new set added.
     */
    static InputSet of(Connection c, Dialect dialect, List<String> columns, List<InputSet> known) throws SQLException {
        for (InputSet set : known) {
            if (set.columns.equals(columns)) {
                return set;
            }
        }
        if (columns.size() > MAX_COLUMNS) {
            throw new StoreException("a failure has " + columns.size() + " input columns; the log stores at most "
                    + MAX_COLUMNS + " per failure");
        }
        long id = known.stream().mapToLong(InputSet::id).max().orElse(0) + 1;
        InputSet set = new InputSet(id, columns);
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(set.table())
                .append(" (failure ").append(dialect.key()).append(" PRIMARY KEY");
        for (int k = 0; k < columns.size(); k++) {
            ddl.append(", ").append(number(k)).append(" DOUBLE PRECISION, ").append(text(k)).append(" TEXT");
        }
        try (Statement s = c.createStatement()) {
            s.execute(ddl.append(')').toString());
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO input_sets (id, columns) VALUES (?, ?)")) {
            s.setLong(1, id);
            s.setString(2, Json.write(columns));
            s.executeUpdate();
        }
        known.add(set);
        return set;
    }
}
