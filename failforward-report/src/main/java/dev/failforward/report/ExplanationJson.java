package dev.failforward.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.explain.Attribution;
import dev.failforward.explain.Explanation;

import java.util.List;

/**
 * An explanation as JSON, the same in {@code log list --format jsonl} and {@code explanations.json}:
 * {@code method, output, scale, base_value, value, fidelity {measure, value}, attributions
 * [{feature, value}]}, attributions largest magnitude first.
 */
public final class ExplanationJson {

    private ExplanationJson() {
    }

    public static ObjectNode toJson(Explanation e) {
        ObjectNode o = JsonValues.NODES.objectNode();
        o.put("method", e.method());
        o.put("output", e.output());
        o.put("scale", e.scale());
        o.set("base_value", JsonValues.number(e.baseValue()));
        o.set("value", JsonValues.number(e.value()));
        ObjectNode f = o.putObject("fidelity");
        f.put("measure", e.fidelity().measure());
        f.set("value", JsonValues.number(e.fidelity().value()));
        ArrayNode a = o.putArray("attributions");
        for (Attribution at : e.attributions()) {
            ObjectNode n = a.addObject();
            n.put("feature", at.feature());
            n.set("value", JsonValues.number(at.value()));
        }
        return o;
    }

    public static ArrayNode toJson(List<Explanation> explanations) {
        ArrayNode out = JsonValues.NODES.arrayNode();
        explanations.forEach(e -> out.add(toJson(e)));
        return out;
    }
}
