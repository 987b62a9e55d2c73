package dev.failforward.store;

import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureQuery;
import dev.failforward.failure.Perturbation;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code failures} table: each failure of a run, numbered in the order the run listed them. */
final class FailureRows {

    static final String FIELDS = "id, run_id, row_key, origin, input, expected, predicted, probabilities, "
            + "prediction, confidence, loss, cause_tags, fingerprint, probe_params, perturbed_input";

    private FailureRows() {
    }

    /**
     * Inserts the failures, numbered after the highest number stored, and their input values;
     * the caller holds the transaction. On PostgreSQL the table is locked against other writers
     * (readers go on) until the transaction ends, so that two runs stored at once never take the
     * same numbers; SQLite's write transaction already excludes other writers.
     */
    static void insert(Connection c, List<Failure> failures) throws SQLException {
        if (failures.isEmpty()) {
            return;
        }
        boolean postgres = c.isWrapperFor(PGConnection.class);
        long first;
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("LOCK TABLE failures IN SHARE ROW EXCLUSIVE MODE");
            }
            try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(num), 0) FROM failures")) {
                r.next();
                first = r.getLong(1) + 1;
            }
        }
        FailureTexts texts = FailureTexts.start(failures);
        long[] nums = new long[failures.size()];
        List<Map<String, Object>> inputs = new ArrayList<>(failures.size());
        for (int i = 0; i < nums.length; i++) {
            nums[i] = first + i;
            inputs.add(failures.get(i).input());
        }
        InputRows.insert(c, postgres, nums, inputs);
        fingerprints(c, failures, first, texts.order());
        String[][] json = texts.texts();
        try (MultiRowInsert rows = new MultiRowInsert(c, "failures", "num, seq, " + FIELDS, 17, failures.size())) {
            for (int seq = 0; seq < json.length; seq++) {
                Failure f = failures.get(seq);
                String[] t = json[seq];
                rows.integer(first + seq).integer(seq).text(f.id()).text(f.runId()).text(f.rowKey()).text(f.origin())
                        .text(t[0]).text(f.expected()).text(f.predicted()).text(t[1])
                        .real(f.prediction()).real(f.confidence()).real(f.loss())
                        .text(t[2]).text(f.fingerprint()).text(t[3]).text(t[4]);
                rows.endRow();
            }
            rows.finish();
        }
    }

    /**
     * The failures' (fingerprint, number) pairs, in fingerprint order: each goes next to the one
     * before it in the table's key order, instead of at a random place as an index on the
     * fingerprint column would put it, which on a large log cost more than the rest of the row.
     */
    private static void fingerprints(Connection c, List<Failure> failures, long first, int[] order) throws SQLException {
        try (MultiRowInsert rows = new MultiRowInsert(c, "failure_fingerprints", "fingerprint, failure", 2, failures.size())) {
            for (int i : order) {
                rows.text(failures.get(i).fingerprint()).integer(first + i);
                rows.endRow();
            }
            rows.finish();
        }
    }

    /** By run (oldest first), then in stored order, at most {@code query.limit()}. */
    static List<Failure> find(Connection c, FailureQuery query) throws SQLException {
        String sql = "SELECT " + FIELDS + " FROM failures" + where(query) + " ORDER BY run_id, seq"
                + (query.limit() == null ? "" : " LIMIT ?");
        List<Failure> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int next = bind(s, query);
            if (query.limit() != null) {
                s.setInt(next, query.limit());
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(read(r));
                }
            }
        }
        return out;
    }

    /** The failure in the current result row, whose first columns are {@link #FIELDS} in order. */
    static Failure read(ResultSet r) throws SQLException {
        int i = 1;
        Failure f = new Failure(r.getString(i++), r.getString(i++), r.getString(i++), r.getString(i++),
                Json.values(r.getString(i++)), r.getString(i++), r.getString(i++),
                Json.doubles(r.getString(i++)), SqlValues.getOptional(r, i++), SqlValues.getOptional(r, i++),
                SqlValues.getLoss(r, i++), Json.strings(r.getString(i++)), r.getString(i++));
        String params = r.getString(i++);
        String perturbed = r.getString(i);
        return params == null ? f : new Failure(f.id(), f.runId(), f.rowKey(), f.origin(), f.input(), f.expected(),
                f.predicted(), f.probabilities(), f.prediction(), f.confidence(), f.loss(), f.causeTags(),
                f.fingerprint(), new Perturbation(Json.texts(params), perturbed == null ? Map.of() : Json.values(perturbed)));
    }

    /** How many match, ignoring the limit. */
    static long count(Connection c, FailureQuery query) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM failures" + where(query))) {
            bind(s, query);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String where(FailureQuery query) {
        return query.runId() == null ? "" : " WHERE run_id = ?";
    }

    private static int bind(PreparedStatement s, FailureQuery query) throws SQLException {
        if (query.runId() == null) {
            return 1;
        }
        s.setString(1, query.runId());
        return 2;
    }
}
