package dev.failforward.compare.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.compare.JsonParts;
import dev.failforward.compare.retrain.RetrainJson;

/** {@code loop.json}: the trajectory and every round, each round's retrain as in {@code retrain.json}; non-finite numbers are {@code null}. */
public final class LoopJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LoopJson() {
    }

    public static String render(LoopResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema_version", LoopResult.SCHEMA_VERSION);
        root.put("run", r.loopRun());
        root.put("model", r.modelId());
        root.put("target", r.target());
        root.put("data", r.dataName());
        root.put("primary_metric", r.primaryMetric());
        ObjectNode rows = root.putObject("rows");
        rows.put("training", r.trainingRows());
        rows.put("selection", r.selectionRows());
        rows.put("verification", r.verificationRows());
        root.put("seed", r.seed());
        root.put("policy", r.policy());
        root.put("rounds_asked", r.roundsAsked());
        if (r.stopped() == null) {
            root.putNull("stopped");
        } else {
            root.put("stopped", r.stopped());
        }
        root.put("kept_model_path", r.keptModelPath());
        ArrayNode slices = root.putArray("targeted_slices");
        r.targetedSlices().forEach(slices::add);
        ArrayNode points = root.putArray("trajectory");
        for (LoopPoint p : r.trajectory()) {
            ObjectNode o = points.addObject();
            o.put("round", p.round());
            o.put("model_fingerprint", p.modelFingerprint());
            num(o, r.primaryMetric(), p.primary());
            num(o, "failure_rate", p.failureRate());
            num(o, "targeted_slice_failure_rate", p.sliceFailureRate());
            num(o, "probe_flip_rate", p.flipRate());
        }
        ArrayNode rounds = root.putArray("rounds");
        for (LoopRound round : r.rounds()) {
            ObjectNode o = rounds.addObject();
            o.put("round", round.round());
            o.put("scan_run", round.scanRun());
            o.put("retrain_run", round.retrainRun());
            if (round.kept() == null) {
                o.putNull("kept");
            } else {
                o.put("kept", round.kept());
            }
            o.set("retrain", RetrainJson.tree(round.retrain(), round.retrainRun()));
        }
        return root.toPrettyString() + "\n";
    }

    private static void num(ObjectNode o, String key, double v) {
        JsonParts.num(o, key, v);
    }
}
