package dev.failforward.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.probe.ProbeResult;

import java.util.List;

/**
 * The {@code probes} array of a probe run's report.json: one entry per probe and level, with
 * {@code drop_ci}, the 95% paired-bootstrap interval of the drop ({@code null} for MFT tests).
 */
public final class ProbeJson {

    private ProbeJson() {
    }

    public static ArrayNode probes(List<ProbeResult> results) {
        ArrayNode out = JsonValues.MAPPER.createArrayNode();
        for (ProbeResult r : results) {
            ObjectNode o = out.addObject();
            o.put("id", r.id());
            o.put("level", r.level());
            o.put("flip_rate", r.flipRate());
            o.put("metric", r.metric());
            o.put("original", r.original());
            o.put("perturbed", r.perturbed());
            o.put("drop", r.drop());
            if (Double.isNaN(r.dropLow())) {
                o.putNull("drop_ci");
            } else {
                o.putArray("drop_ci").add(r.dropLow()).add(r.dropHigh());
            }
            o.put("expectation", r.expectation());
            o.put("rows", r.rows());
            o.put("failures", r.failures());
        }
        return out;
    }
}
