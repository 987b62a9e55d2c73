package dev.failforward.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.failure.Failure;
import dev.failforward.metric.CalibrationBin;
import dev.failforward.metric.ClassMetrics;
import dev.failforward.metric.CurvePoint;
import dev.failforward.metric.Evaluation;
import dev.failforward.run.Provenance;
import dev.failforward.run.Run;
import dev.failforward.session.ScanResult;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report.json}: the scan result for machines (CI gates, dashboards, the acceptance
 * checks). Keys are snake_case; numbers JSON cannot hold are {@code null}. The layout is versioned
 * by {@link #SCHEMA_VERSION}: a key is only ever added, and removing or changing one raises it.
 */
public final class JsonReport implements ReportFormat {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "report.json";

    private static final ObjectWriter PRETTY = JsonValues.MAPPER.writerWithDefaultPrettyPrinter()
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        PRETTY.writeValue(out, toJson(result));
        out.write('\n');
    }

    /** The report as a JSON tree. */
    public ObjectNode toJson(ScanResult result) {
        Run run = result.run();
        Evaluation e = result.evaluation();
        ObjectNode root = JsonValues.NODES.objectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.set("run", run(run));
        root.put("task", run.task().id());
        root.put("target", run.target());
        ArrayNode classes = root.putArray("classes");
        run.classes().forEach(classes::add);
        root.set("metrics", JsonValues.numbers(e.metrics()));
        root.set("per_class", perClass(e.perClass()));
        root.set("confusion_matrix", confusion(e.confusion()));
        root.set("roc_curve", roc(e.roc()));
        root.set("calibration", calibration(e.calibration()));
        root.set("failures", failures(result));
        DetectorJson.addTo(root, result);
        root.set("provenance", provenance(run.provenance()));
        root.set("timings", JsonValues.numbers(result.timings()));
        return root;
    }

    private static ObjectNode run(Run run) {
        ObjectNode o = JsonValues.NODES.objectNode();
        o.put("id", run.id());
        o.put("kind", run.kind());
        o.put("status", run.status().id());
        o.put("started_at", time(run.startedAt()));
        o.put("finished_at", time(run.finishedAt()));
        o.put("model", run.modelId());
        o.put("model_fingerprint", run.modelFingerprint());
        o.put("model_path", run.modelPath());
        o.put("data", run.data());
        o.put("data_fingerprint", run.dataFingerprint());
        o.put("prediction_count", run.predictionCount());
        o.put("failure_count", run.failureCount());
        return o;
    }

    private static ArrayNode perClass(List<ClassMetrics> perClass) {
        ArrayNode a = JsonValues.NODES.arrayNode();
        for (ClassMetrics c : perClass) {
            ObjectNode o = a.addObject();
            o.put("label", c.label());
            o.set("precision", JsonValues.number(c.precision()));
            o.set("recall", JsonValues.number(c.recall()));
            o.set("f1", JsonValues.number(c.f1()));
            o.put("support", c.support());
        }
        return a;
    }

    private static ArrayNode confusion(long[][] confusion) {
        ArrayNode a = JsonValues.NODES.arrayNode();
        for (long[] row : confusion) {
            ArrayNode r = a.addArray();
            for (long v : row) {
                r.add(v);
            }
        }
        return a;
    }

    private static ArrayNode roc(List<CurvePoint> roc) {
        ArrayNode a = JsonValues.NODES.arrayNode();
        for (CurvePoint p : roc) {
            ObjectNode o = a.addObject();
            o.set("fpr", JsonValues.number(p.x()));
            o.set("tpr", JsonValues.number(p.y()));
        }
        return a;
    }

    private static ArrayNode calibration(List<CalibrationBin> bins) {
        ArrayNode a = JsonValues.NODES.arrayNode();
        for (CalibrationBin b : bins) {
            ObjectNode o = a.addObject();
            o.set("lower", JsonValues.number(b.lower()));
            o.set("upper", JsonValues.number(b.upper()));
            o.set("mean_predicted", JsonValues.number(b.meanPredicted()));
            o.set("observed_rate", JsonValues.number(b.observedRate()));
            o.put("count", b.count());
        }
        return a;
    }

    private static ObjectNode failures(ScanResult result) {
        ObjectNode o = JsonValues.NODES.objectNode();
        o.put("count", result.failures().size());
        ObjectNode byOrigin = o.putObject("by_origin");
        Map<String, Long> counts = new TreeMap<>();
        for (Failure f : result.failures()) {
            counts.merge(f.origin(), 1L, Long::sum);
        }
        counts.forEach(byOrigin::put);
        ArrayNode worst = o.putArray("worst");
        for (Failure f : WorstFailures.of(result.failures(), WorstFailures.LIMIT)) {
            worst.add(FailureJson.toJson(f, result.run().task()));
        }
        return o;
    }

    private static ObjectNode provenance(Provenance p) {
        ObjectNode o = JsonValues.NODES.objectNode();
        if (p == null) {
            return o;
        }
        o.put("failforward_version", p.failforwardVersion());
        o.put("java_version", p.javaVersion());
        o.put("os", p.os());
        o.put("seed", p.seed());
        o.put("data_fingerprint", p.dataFingerprint());
        o.put("model_fingerprint", p.modelFingerprint());
        ObjectNode options = o.putObject("options");
        new TreeMap<>(p.options()).forEach(options::put);
        o.put("time", time(p.time()));
        return o;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
