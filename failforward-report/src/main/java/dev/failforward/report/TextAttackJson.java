package dev.failforward.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.failure.Failure;
import dev.failforward.probe.text.TextAttackResult;

/** The {@code text_adversarial} object of a probe run's report.json. */
public final class TextAttackJson {

    /** Adversarial examples listed in the report (all are in the failure log). */
    static final int EXAMPLES = 20;

    private TextAttackJson() {
    }

    public static ObjectNode of(TextAttackResult r) {
        ObjectNode o = JsonValues.MAPPER.createObjectNode();
        o.put("column", r.column());
        o.put("budget", r.budget());
        o.put("attacked", r.attacked());
        o.put("succeeded", r.succeeded());
        o.put("success_rate", r.successRate());
        o.put("median_words_changed", r.medianWordsChanged());
        var examples = o.putArray("examples");
        for (Failure f : r.failures().stream().limit(EXAMPLES).toList()) {
            ObjectNode e = examples.addObject();
            e.put("failure", f.id());
            e.put("original", String.valueOf(f.input().get(r.column())));
            e.put("adversarial", String.valueOf(f.perturbation().perturbedInput().get(r.column())));
            e.put("expected", f.expected());
            e.put("predicted", f.predicted());
            e.put("words_changed", Integer.parseInt(f.perturbation().params().get("words_changed")));
            e.put("substitutions", f.perturbation().params().get("substitutions"));
        }
        return o;
    }
}
