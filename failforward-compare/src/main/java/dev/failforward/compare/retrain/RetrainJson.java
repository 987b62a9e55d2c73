package dev.failforward.compare.retrain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.compare.MetricDelta;
import dev.failforward.compare.JsonParts;

/** {@code retrain.json}: the whole retrain, for machines; non-finite numbers are {@code null}. */
public final class RetrainJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RetrainJson() {
    }

    public static String render(RetrainResult r, String runId) {
        return MAPPER.valueToTree(tree(r, runId)).toPrettyString() + "\n";
    }

    public static ObjectNode tree(RetrainResult r, String runId) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema_version", RetrainResult.SCHEMA_VERSION);
        root.put("run", runId);
        root.put("from_run", r.sourceRun());
        root.put("model", r.modelId());
        root.put("target", r.target());
        root.put("primary_metric", r.primaryMetric());
        ObjectNode rows = root.putObject("rows");
        rows.put("training", r.trainingRows());
        rows.put("selection", r.selectionRows());
        rows.put("verification", r.verificationRows());
        root.put("verification", r.verification());
        root.put("policy", r.policy());
        root.put("seed", r.seed());
        root.put("correction", "holm");
        ObjectNode current = root.putObject("current_metrics");
        r.currentMetrics().forEach((k, v) -> num(current, k, v));
        ObjectNode rec = root.putObject("recommendation");
        if (r.recommended() == null) {
            rec.putNull("strategy");
        } else {
            rec.put("strategy", r.recommended());
        }
        rec.put("keep_current_model", r.keepsCurrent());
        rec.put("reason", r.reason());
        ArrayNode list = root.putArray("strategies");
        for (Candidate c : r.candidates()) {
            ObjectNode o = list.addObject();
            o.put("strategy", c.strategy());
            o.put("status", c.status());
            if (c.reason() != null) {
                o.put("reason", c.reason());
            }
            if (!c.judged()) {
                continue;
            }
            o.put("note", c.note());
            o.put("aim", c.aim());
            ObjectNode set = o.putObject("training_set");
            set.put("rows", c.trainingRows());
            set.put("dropped", c.dropped());
            set.put("repeated", c.repeated());
            set.put("relabeled", c.relabeled());
            set.put("added", c.added());
            MetricDelta d = c.primary();
            // As in compare.json; the baseline is the current model.
            JsonParts.metric(o.putObject("primary_metric"), d);
            num(o, "selection_difference", c.selectionDifference());
            Targeted t = c.targeted();
            ObjectNode tj = o.putObject("targeted");
            tj.put("rows_judged", t.description());
            tj.put("rows", t.rows());
            tj.put("fixed", t.fixed());
            tj.put("persisting", t.persisting());
            tj.put("new", t.added());
            num(tj, "failure_rate_before", t.before());
            num(tj, "failure_rate_after", t.after());
            tj.put("better", t.better());
            num(tj, "p_value", t.pValue());
            tj.put("test", t.test());
            num(tj, "holm_p_value", t.holmPValue());
            ArrayNode slices = o.putArray("slices");
            for (SliceChange s : c.slices()) {
                ObjectNode so = slices.addObject();
                so.put("slice", s.slice());
                so.put("rows", s.rows());
                num(so, "failure_rate_before", s.before());
                num(so, "failure_rate_after", s.after());
            }
            num(o, "probe_flip_rate_before", c.flipBefore());
            num(o, "probe_flip_rate_after", c.flipAfter());
            ArrayNode probes = o.putArray("probes");
            for (ProbeChange pc : c.probes()) {
                ObjectNode po = probes.addObject();
                po.put("probe", pc.probe());
                num(po, "level", pc.level());
                po.put("expectation", pc.expectation());
                po.put("rows", pc.rows());
                po.put("changed_rows", pc.changed());
                num(po, "flip_rate_before", pc.flipBefore());
                num(po, "flip_rate_after", pc.flipAfter());
                num(po, "changed_flip_rate_before", pc.changedFlipBefore());
                num(po, "changed_flip_rate_after", pc.changedFlipAfter());
                po.put("failures_before", pc.failuresBefore());
                po.put("failures_after", pc.failuresAfter());
                po.put("targeted", pc.targeted());
            }
            ObjectNode v = o.putObject("gate");
            v.put("policy", c.verdict().policy());
            v.put("verdict", c.passed() ? "pass" : "block");
            JsonParts.rules(v.putArray("rules"), c.verdict());
            o.put("improved", c.improved());
            o.put("worse", c.worse());
            o.put("recommended", c.recommended());
            o.put("model_fingerprint", c.modelFingerprint());
            if (c.modelPath() != null) {
                o.put("model_path", c.modelPath());
            }
        }
        return root;
    }

    private static void num(ObjectNode o, String key, double v) {
        JsonParts.num(o, key, v);
    }
}
