package dev.failforward.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.explain.AttributionContrast;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code attribution_contrasts} table: a run's failure-vs-correct contrast by one method, as JSON text. */
final class ContrastRows {

    private ContrastRows() {
    }

    /** Replaces the run's row for the contrast's method; the caller holds the transaction. */
    static void save(Connection c, String runId, AttributionContrast contrast) throws SQLException {
        if (RunRows.byId(c, runId).isEmpty()) {
            throw new StoreException("no run " + runId + " to store a contrast for");
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM attribution_contrasts WHERE run_id = ? AND method = ?");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO attribution_contrasts (run_id, method, contrast, created_at) VALUES (?, ?, ?, ?)")) {
            delete.setString(1, runId);
            delete.setString(2, contrast.method());
            delete.executeUpdate();
            insert.setString(1, runId);
            insert.setString(2, contrast.method());
            insert.setString(3, write(contrast));
            insert.setString(4, Instant.now().toString());
            insert.executeUpdate();
        }
    }

    /** The run's contrasts, by method name. */
    static List<AttributionContrast> ofRun(Connection c, String runId) throws SQLException {
        List<AttributionContrast> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT method, contrast FROM attribution_contrasts WHERE run_id = ? ORDER BY method")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(read(r.getString(1), r.getString(2)));
                }
            }
        }
        return out;
    }

    static String write(AttributionContrast contrast) {
        ObjectNode n = Json.node();
        n.put("scale", contrast.scale());
        ArrayNode groups = n.putArray("groups");
        for (AttributionContrast.Group g : contrast.groups()) {
            ObjectNode o = groups.addObject();
            o.put("slice", g.slice());
            o.put("size", g.size());
            o.put("errors", g.errors());
            o.put("failures_explained", g.failuresExplained());
            o.put("correct_explained", g.correctExplained());
            ObjectNode f = o.putObject("on_failures");
            g.onFailures().forEach(f::put);
            ObjectNode k = o.putObject("on_correct");
            g.onCorrect().forEach(k::put);
        }
        return Json.write(n, "a contrast");
    }

    static AttributionContrast read(String method, String json) {
        JsonNode n = Json.tree(json, "a stored contrast");
        List<AttributionContrast.Group> groups = new ArrayList<>();
        for (JsonNode g : n.path("groups")) {
            groups.add(new AttributionContrast.Group(g.hasNonNull("slice") ? g.get("slice").asText() : null,
                    g.path("size").asInt(), g.path("errors").asInt(), g.path("failures_explained").asInt(),
                    g.path("correct_explained").asInt(), means(g.path("on_failures")), means(g.path("on_correct"))));
        }
        return new AttributionContrast(method, n.path("scale").asText(), groups);
    }

    private static Map<String, Double> means(JsonNode o) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asDouble());
        }
        return out;
    }
}
