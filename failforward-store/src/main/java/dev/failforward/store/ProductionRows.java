package dev.failforward.store;

import dev.failforward.failure.IngestResult;
import dev.failforward.failure.ProductionEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code production_events} table. An event adds only what the log does not know yet (a
 * prediction to an id without one, an outcome to an id without one), so ingesting a file again adds
 * nothing. A complete pair waits until an ingest run (see {@code dev.failforward.session.Ingest})
 * judges it and marks it with its run id, once.
 */
final class ProductionRows {

    private ProductionRows() {
    }

    /** Stores what the log does not know yet of these events; nothing is judged. The caller holds the transaction. */
    static IngestResult store(Connection c, List<ProductionEvent> events) throws SQLException {
        int added = 0;
        int duplicates = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT prediction, outcome FROM production_events WHERE event_id = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO production_events "
                     + "(event_id, model, event_time, features, prediction, probabilities, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement setPrediction = c.prepareStatement("UPDATE production_events SET model = ?, event_time = ?, "
                     + "features = ?, prediction = ?, probabilities = ? WHERE event_id = ?");
             PreparedStatement setOutcome = c.prepareStatement("UPDATE production_events SET outcome = ? WHERE event_id = ?")) {
            for (ProductionEvent e : events) {
                select.setString(1, e.id());
                boolean exists;
                boolean hasPrediction = false;
                boolean hasOutcome = false;
                try (ResultSet r = select.executeQuery()) {
                    exists = r.next();
                    if (exists) {
                        hasPrediction = r.getString(1) != null;
                        hasOutcome = r.getString(2) != null;
                    }
                }
                boolean newPrediction = e.hasPrediction() && !hasPrediction;
                boolean newOutcome = e.hasOutcome() && !hasOutcome;
                if (!newPrediction && !newOutcome) {
                    duplicates++;
                    continue;
                }
                added++;
                if (!exists) {
                    insert.setString(1, e.id());
                    insert.setString(2, newPrediction ? e.model() : null);
                    insert.setString(3, newPrediction ? e.timestamp() : null);
                    insert.setString(4, newPrediction ? Json.write(e.features()) : null);
                    insert.setString(5, newPrediction ? e.prediction() : null);
                    insert.setString(6, newPrediction && !e.probabilities().isEmpty() ? Json.write(e.probabilities()) : null);
                    insert.setString(7, newOutcome ? e.outcome() : null);
                    insert.executeUpdate();
                    continue;
                }
                if (newPrediction) {
                    setPrediction.setString(1, e.model());
                    setPrediction.setString(2, e.timestamp());
                    setPrediction.setString(3, Json.write(e.features()));
                    setPrediction.setString(4, e.prediction());
                    setPrediction.setString(5, e.probabilities().isEmpty() ? null : Json.write(e.probabilities()));
                    setPrediction.setString(6, e.id());
                    setPrediction.executeUpdate();
                }
                if (newOutcome) {
                    setOutcome.setString(1, e.outcome());
                    setOutcome.setString(2, e.id());
                    setOutcome.executeUpdate();
                }
            }
        }
        return new IngestResult(events.size(), added, duplicates, 0, 0, null);
    }

    /** Every event whose prediction and outcome are both known, judged by a run, in event time order. */
    static List<ProductionEvent> judged(Connection c) throws SQLException {
        return events(c, "judged_run IS NOT NULL");
    }

    /** Every event whose prediction and outcome are both known and that no run has judged, in event time order. */
    static List<ProductionEvent> unjudged(Connection c) throws SQLException {
        return events(c, "judged_run IS NULL AND prediction IS NOT NULL AND outcome IS NOT NULL");
    }

    private static List<ProductionEvent> events(Connection c, String where) throws SQLException {
        List<ProductionEvent> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT event_id, event_time, model, features, prediction, probabilities, outcome "
                + "FROM production_events WHERE " + where + " ORDER BY event_time, event_id")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String features = r.getString(4);
                    String probabilities = r.getString(6);
                    out.add(new ProductionEvent(r.getString(1), r.getString(2), r.getString(3),
                            features == null ? null : Json.values(features), r.getString(5),
                            probabilities == null ? Map.of() : Json.doubles(probabilities), r.getString(7)));
                }
            }
        }
        return out;
    }

    /**
     * Marks these events judged by {@code runId}; refuses when one of them is already judged (another
     * ingest got there first), so the caller's transaction is rolled back. The caller holds the transaction.
     */
    static void markJudged(Connection c, String runId, List<String> eventIds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE production_events SET judged_run = ? WHERE event_id = ? AND judged_run IS NULL")) {
            for (int from = 0; from < eventIds.size(); from += JdbcFailureLog.BATCH_SIZE) {
                List<String> batch = eventIds.subList(from, Math.min(eventIds.size(), from + JdbcFailureLog.BATCH_SIZE));
                for (String id : batch) {
                    s.setString(1, runId);
                    s.setString(2, id);
                    s.addBatch();
                }
                int[] updated = s.executeBatch();
                for (int i = 0; i < updated.length; i++) {
                    if (updated[i] == 0) {
                        throw new StoreException("production event " + batch.get(i) + " is not waiting to be judged");
                    }
                }
            }
        }
    }
}
