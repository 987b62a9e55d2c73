package dev.failforward.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** {@code compare.json}: the whole comparison and verdict, for machines; non-finite numbers are {@code null}. */
public final class CompareJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CompareJson() {
    }

    public static String render(Comparison c, Verdict v, String runId) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema_version", Comparison.SCHEMA_VERSION);
        root.put("run", runId);
        root.put("task", c.task());
        root.put("target", c.target());
        root.put("data", c.data());
        root.put("rows", c.rows());
        ObjectNode settings = root.putObject("settings");
        settings.put("bootstrap_resamples", c.settings().resamples());
        settings.put("interval_level", c.settings().level());
        settings.put("seed", c.settings().seed());
        settings.put("slice_min_size", c.settings().sliceMinSize());
        side(root.putObject("baseline"), c.baseline());
        side(root.putObject("candidate"), c.candidate());
        ArrayNode refs = root.putArray("references");
        c.references().forEach(r -> side(refs.addObject(), r));
        ArrayNode metrics = root.putArray("metrics");
        for (MetricDelta d : c.metrics()) {
            JsonParts.metric(metrics.addObject(), d);
        }
        ObjectNode slices = root.putObject("slices");
        slices.put("examined", c.slicesExamined());
        slices.put("correction", "benjamini_hochberg");
        slices.put("test", "mcnemar_exact_one_sided");
        ArrayNode list = slices.putArray("most_significant");
        for (SliceDelta s : c.slices()) {
            ObjectNode o = list.addObject();
            o.put("slice", s.description());
            ArrayNode cols = o.putArray("columns");
            s.columns().forEach(cols::add);
            o.put("kind", s.kind());
            o.put("rows", s.size());
            num(o, "baseline_accuracy", s.baselineAccuracy());
            num(o, "candidate_accuracy", s.candidateAccuracy());
            num(o, "delta", s.delta());
            o.put("newly_wrong", s.worse());
            o.put("fixed", s.better());
            num(o, "p_value", s.pValue());
            num(o, "q_value", s.qValue());
        }
        FailureDiff f = c.failureDiff();
        ObjectNode diff = root.putObject("failure_diff");
        diff.put("new", f.newFailures());
        diff.put("fixed", f.fixed());
        diff.put("persisting", f.persisting());
        examples(diff.putArray("new_examples"), f.newExamples());
        examples(diff.putArray("fixed_examples"), f.fixedExamples());
        examples(diff.putArray("persisting_examples"), f.persistingExamples());
        num(root, "flip_rate", c.flipRate());
        ObjectNode policy = root.putObject("policy");
        policy.put("source", v.policy());
        policy.put("blocked", v.blocked());
        JsonParts.rules(policy.putArray("rules"), v);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void side(ObjectNode o, SideSummary s) {
        o.put("role", s.role());
        o.put("model", s.modelId());
        o.put("trained_on", s.trainedOn());
        o.put("train_fingerprint", s.trainFingerprint());
        o.put("model_fingerprint", s.modelFingerprint());
        o.put("run", s.runId());
        ObjectNode m = o.putObject("metrics");
        s.metrics().forEach((k, x) -> num(m, k, x));
    }

    private static void examples(ArrayNode to, List<FailureExample> examples) {
        for (FailureExample e : examples) {
            ObjectNode o = to.addObject();
            o.put("row", e.rowKey());
            o.put("expected", e.expected());
            o.put("baseline", e.baseline());
            o.put("candidate", e.candidate());
            ObjectNode input = o.putObject("input");
            for (Map.Entry<String, Object> x : e.input().entrySet()) {
                Object value = x.getValue();
                if (value == null) {
                    input.putNull(x.getKey());
                } else if (value instanceof Double d) {
                    num(input, x.getKey(), d);
                } else if (value instanceof Boolean b) {
                    input.put(x.getKey(), b);
                } else {
                    input.put(x.getKey(), value.toString());
                }
            }
        }
    }

    private static void num(ObjectNode o, String key, double v) {
        JsonParts.num(o, key, v);
    }
}
