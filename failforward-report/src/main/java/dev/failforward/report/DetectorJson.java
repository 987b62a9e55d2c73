package dev.failforward.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.detect.DetectionJson;
import dev.failforward.detect.DetectorResult;
import dev.failforward.detect.Finding;
import dev.failforward.session.ScanResult;

/**
 * The {@code detectors[]} (each detector's id, status and measurements, found or not) and
 * {@code findings[]} (detector, severity, rows, title, evidence, cause tag) parts of report.json,
 * in the form the failure log keeps them ({@link DetectionJson}); a finding lists at most
 * {@value DetectionJson#REPORT_ROW_KEYS} row keys.
 */
final class DetectorJson {

    private DetectorJson() {
    }

    static void addTo(ObjectNode root, ScanResult result) {
        ArrayNode detectors = root.putArray("detectors");
        for (DetectorResult d : result.detectors()) {
            detectors.add(DetectionJson.result(d));
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : result.findings()) {
            findings.add(DetectionJson.finding(f, DetectionJson.REPORT_ROW_KEYS));
        }
    }
}
