package dev.failforward.store;

import dev.failforward.failure.PredictionRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code predictions} table: every prediction of a run, failed or not, numbered in stored order. */
final class PredictionRows {

    private static final String INSERT = "INSERT INTO predictions "
            + "(run_id, seq, row_key, expected, predicted, probabilities, prediction, loss, failure) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT row_key, expected, predicted, probabilities, prediction, loss, failure "
            + "FROM predictions WHERE run_id = ? ORDER BY seq";

    private PredictionRows() {
    }

    /** Inserts in batches; the caller holds the transaction. */
    static void insert(Connection c, String runId, List<PredictionRecord> predictions) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            int seq = 0;
            for (PredictionRecord p : predictions) {
                s.setString(1, runId);
                s.setInt(2, seq);
                s.setString(3, p.rowKey());
                s.setString(4, p.expected());
                s.setString(5, p.predicted());
                s.setString(6, Json.numbers(p.probabilities()));
                SqlValues.setOptional(s, 7, p.prediction());
                SqlValues.setLoss(s, 8, p.loss());
                s.setInt(9, p.failure() ? 1 : 0);
                s.addBatch();
                if (++seq % JdbcFailureLog.BATCH_SIZE == 0) {
                    s.executeBatch();
                }
            }
            if (seq % JdbcFailureLog.BATCH_SIZE != 0) {
                s.executeBatch();
            }
        }
    }

    static List<PredictionRecord> of(Connection c, String runId) throws SQLException {
        List<PredictionRecord> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new PredictionRecord(r.getString(1), r.getString(2), r.getString(3),
                            Json.numbers(r.getString(4)), SqlValues.getOptional(r, 5), SqlValues.getLoss(r, 6),
                            r.getInt(7) != 0));
                }
            }
        }
        return out;
    }
}
