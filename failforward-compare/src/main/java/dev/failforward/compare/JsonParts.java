package dev.failforward.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The parts that {@code compare.json}, {@code retrain.json} and {@code loop.json} write alike, so a metric
 * delta or a gate verdict reads the same in each: numbers (non-finite ones as {@code null}), one metric's
 * paired comparison, and a verdict's rules.
 */
public final class JsonParts {

    private JsonParts() {
    }

    /** {@code key: v}, or {@code key: null} when {@code v} is not finite. */
    public static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /** One metric, baseline against candidate: values, difference, interval, p-value and the test that gave it. */
    public static void metric(ObjectNode m, MetricDelta d) {
        m.put("metric", d.metric());
        m.put("higher_is_better", d.higherIsBetter());
        num(m, "baseline", d.baseline());
        num(m, "candidate", d.candidate());
        num(m, "difference", d.difference());
        num(m, "ci_low", d.ciLow());
        num(m, "ci_high", d.ciHigh());
        num(m, "p_value", d.pValue());
        m.put("test", d.test());
    }

    /** Each rule of {@code v}: what it checks, whether it passed, and why not. */
    public static void rules(ArrayNode to, Verdict v) {
        for (RuleResult r : v.results()) {
            ObjectNode o = to.addObject();
            o.put("rule", r.rule());
            o.put("description", r.description());
            o.put("passed", r.passed());
            ArrayNode reasons = o.putArray("reasons");
            r.reasons().forEach(reasons::add);
        }
    }
}
