package dev.failforward.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.probe.stress.StressOutcome;
import dev.failforward.probe.stress.StressResult;

/** The {@code stress} array of a probe run's report.json: one entry per stress split. */
public final class StressJson {

    private StressJson() {
    }

    public static ArrayNode stress(StressOutcome outcome) {
        ArrayNode out = JsonValues.NODES.arrayNode();
        for (StressResult r : outcome.results()) {
            ObjectNode o = out.addObject();
            o.put("kind", r.kind().id());
            o.put("column", r.column());
            o.put("group", r.group());
            o.put("rows", r.rows());
            o.put("train_rows", r.trainRows());
            o.put("metric", r.metric());
            o.set("value", JsonValues.number(r.value()));
            o.set("random_split_value", JsonValues.number(r.randomSplitValue()));
            o.set("drop", JsonValues.number(r.drop()));
            o.put("failures", r.failures());
            if (r.error() != null) {
                o.put("status", "error");
                o.put("error", r.error());
            } else {
                o.put("status", "ok");
            }
        }
        return out;
    }
}
