package dev.failforward.store;

import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureQuery;
import dev.failforward.failure.Perturbation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code failures} table: each failure of a run, numbered in the order the run listed them. */
final class FailureRows {

    static final String FIELDS = "id, run_id, row_key, origin, input, expected, predicted, probabilities, "
            + "prediction, confidence, loss, cause_tags, fingerprint, probe_params, perturbed_input";
    private static final String INSERT = "INSERT INTO failures (seq, " + FIELDS + ") VALUES (?" + ", ?".repeat(15) + ")";

    private FailureRows() {
    }

    /** Inserts in batches; the caller holds the transaction. */
    static void insert(Connection c, List<Failure> failures) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            int seq = 0;
            for (Failure f : failures) {
                int i = 1;
                s.setInt(i++, seq);
                s.setString(i++, f.id());
                s.setString(i++, f.runId());
                s.setString(i++, f.rowKey());
                s.setString(i++, f.origin());
                s.setString(i++, Json.write(f.input()));
                s.setString(i++, f.expected());
                s.setString(i++, f.predicted());
                s.setString(i++, Json.write(f.probabilities()));
                SqlValues.setOptional(s, i++, f.prediction());
                SqlValues.setOptional(s, i++, f.confidence());
                SqlValues.setLoss(s, i++, f.loss());
                s.setString(i++, Json.write(f.causeTags()));
                s.setString(i++, f.fingerprint());
                Perturbation p = f.perturbation();
                s.setString(i++, p == null ? null : Json.write(p.params()));
                s.setString(i, p == null ? null : Json.write(p.perturbedInput()));
                s.addBatch();
                if (++seq % JdbcFailureLog.BATCH_SIZE == 0) {
                    s.executeBatch();
                }
            }
            if (seq % JdbcFailureLog.BATCH_SIZE != 0) {
                s.executeBatch();
            }
        }
        InputRows.insert(c, failures);
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
