package dev.failforward.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Deletes runs with everything stored for them: attributions and their contrasts, input values,
 * counts per input value, detector results, failures, predictions, rows kept by an incomplete run,
 * and the production events that an ingest run judged. Triage decisions stay (they belong to people and to fingerprints, not to one run).
 * The caller holds the transaction.
 */
final class Purge {

    private static final List<String> STATEMENTS = List.of(
            "DELETE FROM attributions WHERE run_id = ?",
            "DELETE FROM attribution_contrasts WHERE run_id = ?",
            "DELETE FROM failure_fingerprints WHERE (fingerprint_key, failure) IN "
                    + "(SELECT fingerprint_key, num FROM failures WHERE run_id = ?)",
            "DELETE FROM failures WHERE run_id = ?",
            "DELETE FROM predictions WHERE run_id = ?",
            "DELETE FROM scored_rows WHERE run_id = ?",
            "DELETE FROM run_values WHERE run_id = ?",
            "DELETE FROM run_detections WHERE run_id = ?",
            "DELETE FROM production_events WHERE judged_run = ?",
            "DELETE FROM runs WHERE id = ?");

    private Purge() {
    }

    static int runs(Connection c, List<String> runIds) throws SQLException {
        int runs = 0;
        List<InputSet> sets = InputSet.all(c);
        for (String id : runIds) {
            for (InputSet set : sets) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + set.table()
                        + " WHERE failure IN (SELECT num FROM failures WHERE run_id = ?)")) {
                    s.setString(1, id);
                    s.executeUpdate();
                }
            }
            for (int i = 0; i < STATEMENTS.size(); i++) {
                try (PreparedStatement s = c.prepareStatement(STATEMENTS.get(i))) {
                    s.setString(1, id);
                    int n = s.executeUpdate();
                    if (i == STATEMENTS.size() - 1) {
                        runs += n;
                    }
                }
            }
        }
        return runs;
    }
}
