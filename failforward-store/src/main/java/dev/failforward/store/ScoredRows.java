package dev.failforward.store;

import dev.failforward.failure.PredictionRecord;
import dev.failforward.failure.ScoredRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code scored_rows} table: rows an incomplete run has scored so far, kept for resuming it. */
final class ScoredRows {

    private static final String INSERT = "INSERT INTO scored_rows "
            + "(run_id, position, row_key, expected, predicted, probabilities, prediction, loss, failure) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT position, row_key, expected, predicted, probabilities, prediction, loss, failure "
            + "FROM scored_rows WHERE run_id = ? ORDER BY position";
    private static final String DELETE = "DELETE FROM scored_rows WHERE run_id = ?";

    private ScoredRows() {
    }

    /** Inserts in batches; the caller holds the transaction. A position kept twice is an error of the database. */
    static void insert(Connection c, String runId, List<ScoredRow> rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            int n = 0;
            for (ScoredRow row : rows) {
                PredictionRecord p = row.prediction();
                s.setString(1, runId);
                s.setInt(2, row.position());
                s.setString(3, p.rowKey());
                s.setString(4, p.expected());
                s.setString(5, p.predicted());
                s.setString(6, Json.numbers(p.probabilities()));
                SqlValues.setOptional(s, 7, p.prediction());
                SqlValues.setLoss(s, 8, p.loss());
                s.setInt(9, p.failure() ? 1 : 0);
                s.addBatch();
                if (++n % JdbcFailureLog.BATCH_SIZE == 0) {
                    s.executeBatch();
                }
            }
            if (n % JdbcFailureLog.BATCH_SIZE != 0) {
                s.executeBatch();
            }
        }
    }

    static List<ScoredRow> of(Connection c, String runId) throws SQLException {
        List<ScoredRow> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new ScoredRow(r.getInt(1), new PredictionRecord(r.getString(2), r.getString(3), r.getString(4),
                            Json.numbers(r.getString(5)), SqlValues.getOptional(r, 6), SqlValues.getLoss(r, 7),
                            r.getInt(8) != 0)));
                }
            }
        }
        return out;
    }

    /** Forgets a run's kept rows (it was completed or purged); the caller holds the transaction. */
    static void delete(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE)) {
            s.setString(1, runId);
            s.executeUpdate();
        }
    }
}
