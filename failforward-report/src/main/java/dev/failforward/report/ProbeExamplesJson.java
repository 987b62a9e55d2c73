package dev.failforward.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.probe.ProbeExample;

import java.util.List;
import java.util.Map;

/** The {@code probe_examples} array of a probe run's report.json: the rows each probe level moved most. */
public final class ProbeExamplesJson {

    private ProbeExamplesJson() {
    }

    public static ArrayNode examples(List<ProbeExample> examples) {
        ArrayNode out = JsonValues.MAPPER.createArrayNode();
        for (ProbeExample e : examples) {
            ObjectNode o = out.addObject();
            o.put("probe", e.probe());
            o.put("level", e.level());
            o.put("row", e.rowKey());
            o.set("original", values(e.original()));
            o.set("perturbed", values(e.perturbed()));
            o.put("predicted_before", e.predictedBefore());
            o.put("predicted_after", e.predictedAfter());
            o.put("score", e.scoreOf());
            o.set("score_before", JsonValues.number(e.scoreBefore()));
            o.set("score_after", JsonValues.number(e.scoreAfter()));
        }
        return out;
    }

    private static ObjectNode values(Map<String, Object> values) {
        ObjectNode o = JsonValues.MAPPER.createObjectNode();
        values.forEach((k, v) -> o.set(k, JsonValues.value(v)));
        return o;
    }
}
