package dev.failforward.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.detect.DetectionJson;
import dev.failforward.detect.DetectorReport;
import dev.failforward.detect.DetectorResult;
import dev.failforward.detect.Finding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code run_detections} table: a run's detector results and findings as JSON, one row each, in
 * the form report.json has them ({@link DetectionJson}: measurements read back as their detector's
 * record), with every row key of a finding.
 */
final class DetectionRows {

    private DetectionRows() {
    }

    /** Replaces the run's rows; the caller holds the transaction. */
    static void save(Connection c, String runId, DetectorReport report) throws SQLException {
        if (RunRows.byId(c, runId).isEmpty()) {
            throw new StoreException("no run " + runId + " to store detector results for");
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM run_detections WHERE run_id = ?");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO run_detections (run_id, kind, position, body) VALUES (?, ?, ?, ?)")) {
            delete.setString(1, runId);
            delete.executeUpdate();
            int position = 0;
            for (DetectorResult d : report.results()) {
                add(insert, runId, "result", position++, DetectionJson.result(d));
            }
            position = 0;
            for (Finding f : report.findings()) {
                add(insert, runId, "finding", position++, DetectionJson.finding(f, DetectionJson.ALL_ROW_KEYS));
            }
            insert.executeBatch();
        }
    }

    static DetectorReport ofRun(Connection c, String runId) throws SQLException {
        List<DetectorResult> results = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT kind, body FROM run_detections WHERE run_id = ? ORDER BY kind DESC, position")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String kind = r.getString(1);
                    JsonNode body = Json.tree(r.getString(2), "a stored detector " + kind);
                    if ("result".equals(kind)) {
                        results.add(DetectionJson.result(body));
                    } else {
                        findings.add(DetectionJson.finding(body));
                    }
                }
            }
        }
        return new DetectorReport(results, findings);
    }

    private static void add(PreparedStatement insert, String runId, String kind, int position, JsonNode body)
            throws SQLException {
        insert.setString(1, runId);
        insert.setString(2, kind);
        insert.setInt(3, position);
        insert.setString(4, Json.write(body, "a detector's " + kind));
        insert.addBatch();
    }
}
