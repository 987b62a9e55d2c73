package dev.failforward.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.explain.Attribution;
import dev.failforward.explain.Explanation;
import dev.failforward.explain.Fidelity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code attributions} table: a failure's explanation by one method, as JSON text. */
final class AttributionRows {

    private AttributionRows() {
    }

    /** Replaces the rows of these failures for each explanation's method; the caller holds the transaction. */
    static void save(Connection c, String runId, Map<String, Explanation> byFailure) throws SQLException {
        String now = Instant.now().toString();
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM attributions WHERE failure = ? AND method = ?");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO attributions (failure, run_id, method, explanation, created_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Explanation> e : byFailure.entrySet()) {
                long number = FailureRows.number(c, e.getKey()).filter(n -> runId.equals(n.getValue())).map(Map.Entry::getKey)
                        .orElseThrow(() -> new StoreException("failure " + e.getKey() + " is not a failure of run " + runId));
                delete.setLong(1, number);
                delete.setString(2, e.getValue().method());
                delete.executeUpdate();
                insert.setLong(1, number);
                insert.setString(2, runId);
                insert.setString(3, e.getValue().method());
                insert.setString(4, write(e.getValue()));
                insert.setString(5, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The explanations of one failure, by method name. */
    static List<Explanation> ofFailure(Connection c, String failureId) throws SQLException {
        List<Explanation> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT a.method, a.explanation FROM attributions a "
                + "JOIN failures f ON f.num = a.failure WHERE " + FailureRows.BY_ID + " ORDER BY a.method")) {
            SqlValues.bind(s, FailureRows.byId(failureId));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(read(r.getString(1), r.getString(2)));
                }
            }
        }
        return out;
    }

    /** The explanations of a run's failures: failure id to its explanations, by method name, in stored order. */
    static Map<String, List<Explanation>> ofRun(Connection c, String runId) throws SQLException {
        Map<String, List<Explanation>> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + FailureRows.ID + ", a.method, a.explanation "
                + "FROM attributions a JOIN failures f ON f.num = a.failure WHERE a.run_id = ? ORDER BY f.seq, a.method")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(read(r.getString(2), r.getString(3)));
                }
            }
        }
        return out;
    }

    static String write(Explanation e) {
        ObjectNode n = Json.node();
        n.put("output", e.output());
        n.put("scale", e.scale());
        n.put("base_value", e.baseValue());
        n.put("value", e.value());
        ObjectNode f = n.putObject("fidelity");
        f.put("measure", e.fidelity().measure());
        f.put("value", e.fidelity().value());
        ArrayNode a = n.putArray("attributions");
        for (Attribution at : e.attributions()) {
            a.addObject().put("feature", at.feature()).put("value", at.value());
        }
        return Json.write(n, "an explanation");
    }

    static Explanation read(String method, String json) {
        JsonNode n = Json.tree(json, "a stored explanation");
        List<Attribution> attributions = new ArrayList<>();
        for (JsonNode a : n.path("attributions")) {
            attributions.add(new Attribution(a.path("feature").asText(), a.path("value").asDouble()));
        }
        JsonNode f = n.path("fidelity");
        return new Explanation(method, n.hasNonNull("output") ? n.get("output").asText() : null, n.path("scale").asText(),
                n.path("base_value").asDouble(), n.path("value").asDouble(), attributions,
                new Fidelity(f.path("measure").asText(), f.path("value").asDouble()));
    }
}
