package dev.failforward.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.detect.DetectorResult;
import dev.failforward.detect.Finding;
import dev.failforward.session.ScanResult;

import java.util.Collection;
import java.util.Map;

/**
 * The {@code detectors[]} (each detector's id, status and measurements, found or not) and
 * {@code findings[]} (detector, severity, rows, title, evidence, cause tag) parts of report.json.
 */
final class DetectorJson {

    private DetectorJson() {
    }

    static void addTo(ObjectNode root, ScanResult result) {
        ArrayNode detectors = root.putArray("detectors");
        for (DetectorResult d : result.detectors()) {
            ObjectNode o = detectors.addObject();
            o.put("id", d.id());
            o.put("status", d.status().id());
            if (d.error() != null) {
                o.put("error", d.error());
            }
            o.put("millis", d.millis());
            o.set("measurements", tree(d.measurements()));
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : result.findings()) {
            ObjectNode o = findings.addObject();
            o.put("detector", f.detector());
            o.put("severity", f.severity().id());
            o.put("rows", f.rows());
            o.put("title", f.title());
            if (f.causeTag() != null) {
                o.put("cause_tag", f.causeTag());
            }
            ArrayNode keys = o.putArray("row_keys");
            f.rowKeys().stream().limit(1000).forEach(keys::add);
            o.set("evidence", tree(f.evidence()));
        }
    }

    /** Maps, lists, arrays and numbers as JSON, with non-finite numbers as null. */
    static JsonNode tree(Object v) {
        if (v instanceof Map<?, ?> map) {
            ObjectNode o = JsonValues.NODES.objectNode();
            map.forEach((k, x) -> o.set(String.valueOf(k), tree(x)));
            return o;
        }
        if (v instanceof Collection<?> c) {
            ArrayNode a = JsonValues.NODES.arrayNode();
            c.forEach(x -> a.add(tree(x)));
            return a;
        }
        if (v instanceof long[][] m) {
            ArrayNode a = JsonValues.NODES.arrayNode();
            for (long[] row : m) {
                ArrayNode r = a.addArray();
                for (long x : row) {
                    r.add(x);
                }
            }
            return a;
        }
        if (v instanceof double[] d) {
            ArrayNode a = JsonValues.NODES.arrayNode();
            for (double x : d) {
                a.add(JsonValues.number(x));
            }
            return a;
        }
        if (v instanceof Double d) {
            return JsonValues.number(d.doubleValue());
        }
        return JsonValues.value(v);
    }
}
