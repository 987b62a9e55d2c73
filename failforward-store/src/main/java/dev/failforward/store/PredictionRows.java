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

    private static final String SELECT = "SELECT row_key, expected, predicted, probabilities, prediction, loss, failure "
            + "FROM predictions WHERE run_id = ? ORDER BY seq";

    private PredictionRows() {
    }

    /** Inserts many rows per statement; the caller holds the transaction. */
    static void insert(Connection c, String runId, List<PredictionRecord> predictions) throws SQLException {
        try (MultiRowInsert rows = new MultiRowInsert(c, "predictions",
                "run_id, seq, row_key, expected, predicted, probabilities, prediction, loss, failure", 9, predictions.size())) {
            int seq = 0;
            for (PredictionRecord p : predictions) {
                rows.text(runId).integer(seq++).text(p.rowKey()).text(p.expected()).text(p.predicted())
                        .text(Json.numbers(p.probabilities())).real(p.prediction()).real(p.loss()).integer(p.failure() ? 1 : 0);
                rows.endRow();
            }
            rows.finish();
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
