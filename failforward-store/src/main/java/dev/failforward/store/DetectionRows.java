package dev.failforward.store;

import dev.failforward.detect.DetectorReport;
import dev.failforward.detect.DetectorResult;
import dev.failforward.detect.Finding;
import dev.failforward.detect.Severity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code run_detections} table: a run's detector results and findings as JSON, one row each.
 * Measurements are maps of numbers, texts, lists and arrays; they come back as maps, lists and
 * numbers (arrays as lists, non-finite numbers as such), which is what the report renders from.
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
                add(insert, runId, "result", position++, result(d));
            }
            position = 0;
            for (Finding f : report.findings()) {
                add(insert, runId, "finding", position++, finding(f));
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
                    Map<String, Object> body = Json.values(r.getString(2));
                    if ("result".equals(r.getString(1))) {
                        results.add(result(body));
                    } else {
                        findings.add(finding(body));
                    }
                }
            }
        }
        return new DetectorReport(results, findings);
    }

    private static void add(PreparedStatement insert, String runId, String kind, int position, Map<String, Object> body)
            throws SQLException {
        insert.setString(1, runId);
        insert.setString(2, kind);
        insert.setInt(3, position);
        insert.setString(4, Json.write(body));
        insert.addBatch();
    }

    private static Map<String, Object> result(DetectorResult d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", d.id());
        o.put("status", d.status().id());
        o.put("error", d.error());
        o.put("millis", d.millis());
        o.put("measurements", d.measurements());
        return o;
    }

    @SuppressWarnings("unchecked")
    private static DetectorResult result(Map<String, Object> o) {
        return new DetectorResult((String) o.get("id"), DetectorResult.Status.valueOf(((String) o.get("status")).toUpperCase(Locale.ROOT)),
                (String) o.get("error"), (Map<String, Object>) o.get("measurements"), ((Number) o.get("millis")).longValue());
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("detector", f.detector());
        o.put("severity", f.severity().name());
        o.put("title", f.title());
        o.put("rows", f.rows());
        o.put("row_keys", f.rowKeys());
        o.put("cause_tag", f.causeTag());
        o.put("evidence", f.evidence());
        return o;
    }

    @SuppressWarnings("unchecked")
    private static Finding finding(Map<String, Object> o) {
        return new Finding((String) o.get("detector"), Severity.valueOf((String) o.get("severity")), (String) o.get("title"),
                ((Number) o.get("rows")).intValue(), (List<String>) o.get("row_keys"), (String) o.get("cause_tag"),
                (Map<String, Object>) o.get("evidence"));
    }
}
