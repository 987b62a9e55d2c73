package dev.failforward.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.probe.adversarial.AdversarialExample;
import dev.failforward.probe.adversarial.AdversarialOutcome;
import dev.failforward.probe.adversarial.AdversarialSummary;

/**
 * The {@code adversarial} object of a probe run's report.json: the summary, every verified example's
 * distance, and the {@value #EXAMPLES} smallest examples with only their changed values.
 */
public final class AdversarialJson {

    /** Examples written out in full, the smallest changes first. */
    static final int EXAMPLES = 20;

    private AdversarialJson() {
    }

    public static ObjectNode adversarial(AdversarialOutcome outcome) {
        AdversarialSummary s = outcome.summary();
        ObjectNode o = JsonValues.NODES.objectNode();
        o.put("rows", s.rows());
        o.put("correct", s.correct());
        o.put("attempted", s.attempted());
        o.put("succeeded", s.succeeded());
        o.put("unverified", s.unverified());
        o.set("success_rate", JsonValues.number(s.successRate()));
        o.set("median_distance", JsonValues.number(s.medianDistance()));
        ObjectNode d = o.putObject("distance");
        d.set("p25", JsonValues.number(s.p25Distance()));
        d.set("p50", JsonValues.number(s.medianDistance()));
        d.set("p75", JsonValues.number(s.p75Distance()));
        d.set("p90", JsonValues.number(s.p90Distance()));
        d.set("max", JsonValues.number(s.maxDistance()));
        o.set("mean_evaluations", JsonValues.number(s.meanEvaluations()));
        o.set("median_evaluations", JsonValues.number(s.medianEvaluations()));
        o.put("max_evaluations", s.maxEvaluations());
        o.put("budget", s.budget());
        ArrayNode features = o.putArray("features");
        s.features().forEach((column, count) -> features.addObject().put("column", column).put("count", count));
        ArrayNode distances = o.putArray("distances");
        outcome.examples().forEach(x -> distances.add(JsonValues.number(x.distance())));
        ArrayNode examples = o.putArray("examples");
        for (AdversarialExample x : AdversarialHtml.smallest(outcome, EXAMPLES)) {
            ObjectNode e = examples.addObject();
            e.put("row_key", x.rowKey());
            e.put("expected", x.expected());
            e.put("predicted", x.predicted());
            e.set("distance", JsonValues.number(x.distance()));
            e.put("evaluations", x.evaluations());
            e.set("true_probability_before", JsonValues.number(x.trueProbabilityBefore()));
            e.set("true_probability_after", JsonValues.number(x.trueProbabilityAfter()));
            ObjectNode original = e.putObject("original");
            ObjectNode adversarial = e.putObject("adversarial");
            for (String c : x.changed()) {
                original.set(c, JsonValues.value(x.original().get(c)));
                adversarial.set(c, JsonValues.value(x.adversarial().get(c)));
            }
        }
        return o;
    }
}
