package dev.failforward.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.explain.Explanation;
import dev.failforward.failure.Failure;
import dev.failforward.model.Task;

import java.util.List;

/**
 * One failure as a JSON object, the same in {@code report.json} and in {@code log list --format
 * jsonl}: {@code id, run_id, row_key, origin, input, expected, predicted,} then
 * {@code probabilities} (classification), {@code prediction} (regression) or {@code retrieved} (retrieval), then
 * {@code confidence, loss, cause_tags, fingerprint}, and for failures a probe provoked
 * {@code probe_params} and {@code perturbed_input} (the row as the model saw it). For regression
 * the expected and predicted values are JSON numbers.
 */
public final class FailureJson {

    private FailureJson() {
    }

    public static ObjectNode toJson(Failure f, Task task) {
        ObjectNode o = JsonValues.NODES.objectNode();
        o.put("id", f.id());
        o.put("run_id", f.runId());
        o.put("row_key", f.rowKey());
        o.put("origin", f.origin());
        ObjectNode input = o.putObject("input");
        f.input().forEach((k, v) -> input.set(k, JsonValues.value(v)));
        if (task == Task.RETRIEVAL) {
            // Relevant passage ids, the top-ranked id, and the retrieved ids with their scores in rank order.
            o.put("expected", f.expected());
            o.put("predicted", f.predicted());
            ObjectNode r = o.putObject("retrieved");
            f.probabilities().forEach((k, v) -> r.set(k, JsonValues.number(v)));
        } else if (task.isClassification()) {
            o.put("expected", f.expected());
            o.put("predicted", f.predicted());
            ObjectNode p = o.putObject("probabilities");
            f.probabilities().forEach((k, v) -> p.set(k, JsonValues.number(v)));
        } else {
            o.set("expected", JsonValues.numberOrText(f.expected()));
            o.set("predicted", f.prediction() != null ? JsonValues.number(f.prediction()) : JsonValues.numberOrText(f.predicted()));
            o.set("prediction", JsonValues.number(f.prediction()));
        }
        o.set("confidence", JsonValues.number(f.confidence()));
        o.set("loss", JsonValues.number(f.loss()));
        ArrayNode tags = o.putArray("cause_tags");
        f.causeTags().forEach(tags::add);
        o.put("fingerprint", f.fingerprint());
        if (f.perturbation() != null) {
            ObjectNode params = o.putObject("probe_params");
            f.perturbation().params().forEach(params::put);
            ObjectNode perturbed = o.putObject("perturbed_input");
            f.perturbation().perturbedInput().forEach((k, v) -> perturbed.set(k, JsonValues.value(v)));
        }
        return o;
    }

    /** The failure with an {@code attributions} key: its stored explanations, one per method (see {@link ExplanationJson}). */
    public static ObjectNode toJson(Failure f, Task task, List<Explanation> attributions) {
        ObjectNode o = toJson(f, task);
        o.set("attributions", ExplanationJson.toJson(attributions));
        return o;
    }

    /** The failure as one line of JSON (no line break), for JSON Lines output. */
    public static String toJsonLine(Failure f, Task task) {
        return line(toJson(f, task));
    }

    /** The failure and its explanations as one line of JSON. */
    public static String toJsonLine(Failure f, Task task, List<Explanation> attributions) {
        return line(toJson(f, task, attributions));
    }

    private static String line(ObjectNode o) {
        try {
            return JsonValues.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain JSON nodes always serialises", e);
        }
    }
}
