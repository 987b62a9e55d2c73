package dev.failforward.store;

import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.IngestResult;
import dev.failforward.failure.Judge;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.failure.ProductionEvent;
import dev.failforward.failure.RunValues;
import dev.failforward.model.Task;
import dev.failforward.run.Provenance;
import dev.failforward.run.Run;
import dev.failforward.run.RunIds;
import dev.failforward.run.RunStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code production_events} table and the judging of complete pairs. An event adds only
 * what the log does not know yet (a prediction to an id without one, an outcome to an id
 * without one), so ingesting a file again adds nothing. Pairs are judged once: the ingest that
 * completes a pair compares it, records a failure with origin {@value #ORIGIN} when prediction
 * and outcome disagree, and stores every judged pair as a prediction of its own run.
 */
final class ProductionRows {

    static final String ORIGIN = "production";

    private ProductionRows() {
    }

    /** The caller holds the transaction. */
    static IngestResult ingest(Connection c, Dialect dialect, String source, List<ProductionEvent> events) throws SQLException {
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
        return judge(c, dialect, source, events.size(), added, duplicates);
    }

    /** Every event whose prediction and outcome are both known, in event time order. */
    static List<ProductionEvent> judged(Connection c) throws SQLException {
        List<ProductionEvent> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT event_id, event_time, model, features, prediction, probabilities, outcome "
                + "FROM production_events WHERE judged_run IS NOT NULL ORDER BY event_time, event_id")) {
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

    private static boolean[] judged(List<PredictionRecord> predictions) {
        boolean[] failed = new boolean[predictions.size()];
        for (int i = 0; i < failed.length; i++) {
            failed[i] = predictions.get(i).failure();
        }
        return failed;
    }

    private record Pair(String id, String model, Map<String, Object> features, String prediction,
                        Map<String, Double> probabilities, String outcome) {
    }

    private static IngestResult judge(Connection c, Dialect dialect, String source, int events, int added, int duplicates) throws SQLException {
        List<Pair> pairs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT event_id, model, features, prediction, probabilities, outcome "
                + "FROM production_events WHERE judged_run IS NULL AND prediction IS NOT NULL AND outcome IS NOT NULL "
                + "ORDER BY event_time, event_id")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String probabilities = r.getString(5);
                    pairs.add(new Pair(r.getString(1), r.getString(2), Json.values(r.getString(3)), r.getString(4),
                            probabilities == null ? Map.of() : Json.doubles(probabilities), r.getString(6)));
                }
            }
        }
        if (pairs.isEmpty()) {
            return new IngestResult(events, added, duplicates, 0, 0, null);
        }
        Set<String> labels = new TreeSet<>();
        Set<String> models = new TreeSet<>();
        for (Pair p : pairs) {
            labels.add(p.prediction);
            labels.add(p.outcome);
            labels.addAll(p.probabilities.keySet());
            if (p.model != null) {
                models.add(p.model);
            }
        }
        List<String> classes = List.copyOf(labels);
        String runId = RunIds.next();
        List<PredictionRecord> predictions = new ArrayList<>(pairs.size());
        List<Failure> failures = new ArrayList<>();
        for (Pair p : pairs) {
            double[] probs = new double[p.probabilities.isEmpty() ? 0 : classes.size()];
            if (probs.length > 0) {
                for (int k = 0; k < classes.size(); k++) {
                    probs[k] = p.probabilities.getOrDefault(classes.get(k), 0.0);
                }
            }
            Double truthProbability = p.probabilities.get(p.outcome);
            double loss = p.probabilities.isEmpty() ? Double.NaN : Judge.logLoss(truthProbability == null ? 0 : truthProbability);
            boolean failed = !p.prediction.equals(p.outcome);
            predictions.add(new PredictionRecord(p.id, p.outcome, p.prediction, probs, null, loss, failed));
            if (failed) {
                Double confidence = p.probabilities.get(p.prediction);
                List<String> tags = Judge.DEFAULT.tags(confidence);
                failures.add(new Failure(runId + "-" + (failures.size() + 1), runId, p.id, ORIGIN, p.features, p.outcome,
                        p.prediction, p.probabilities, null, confidence, loss, tags,
                        Fingerprints.failure(p.id, p.features, ORIGIN, Map.of())));
            }
        }
        Instant now = Instant.now();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", 1.0 - (double) failures.size() / pairs.size());
        Task task = classes.size() == 2 ? Task.BINARY_CLASSIFICATION : Task.MULTICLASS_CLASSIFICATION;
        String model = models.isEmpty() ? null : String.join(",", models);
        Run run = new Run(runId, "ingest", now, now, RunStatus.COMPLETE, task, null, classes, model, null, null, source,
                null, metrics, pairs.size(), failures.size(),
                Provenance.current(0, null, null, Map.of("source", source)));
        RunRows.insert(c, run);
        PredictionRows.insert(c, runId, predictions);
        FailureRows.insert(c, dialect, failures);
        RunValueRows.insert(c, runId, RunValues.of(pairs.stream().map(p -> p.features == null ? Map.<String, Object>of() : p.features).toList(),
                judged(predictions)));
        try (PreparedStatement s = c.prepareStatement("UPDATE production_events SET judged_run = ? WHERE event_id = ?")) {
            int pending = 0;
            for (Pair p : pairs) {
                s.setString(1, runId);
                s.setString(2, p.id);
                s.addBatch();
                if (++pending % JdbcFailureLog.BATCH_SIZE == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        return new IngestResult(events, added, duplicates, pairs.size(), failures.size(), runId);
    }
}
