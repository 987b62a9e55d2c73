package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scan's report.json and what the failure log holds for it stay as they were before the run
 * session (golden/telco-scan.json.gz, written by commit 22362cb): equal apart from ids, times,
 * versions, paths and the model's path, apart from fields added since (the golden file is a subset),
 * and apart from the documented changes applied to the golden values below.
 */
class GoldenScanTest {

    // model_fingerprint: the saved-model format (version 2) fingerprints the fitted encoders too;
    // the model's predictions, which the rest of the comparison holds equal, are the same.
    private static final Set<String> VARYING = Set.of("started_at", "finished_at", "time", "millis", "model_path",
            "model_fingerprint", "java_version", "os", "failforward_version", "--data", "--out", "--store");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theTelcoScanReportsAndStoresWhatItDidBeforeTheRunSession() throws IOException {
        JsonNode golden;
        try (InputStream in = new GZIPInputStream(GoldenScanTest.class.getResourceAsStream("/golden/telco-scan.json.gz"))) {
            golden = JSON.readTree(in);
        }
        String store = dir.resolve("ff.db").toString();
        Cli scan = Cli.run("scan", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--detectors", "none", "--store", store, "--out", dir.resolve("out").toString());
        assertThat(scan.exit()).as(scan.err()).isZero();
        JsonNode report = JSON.readTree(dir.resolve("out/report.json").toFile());
        String run = report.path("run").path("id").asText();
        Cli list = Cli.run("log", "list", "--run", run, "--format", "jsonl", "--limit", "100000", "--store", store);
        assertThat(list.exit()).as(list.err()).isZero();
        ArrayNode listed = JSON.createArrayNode();
        for (String line : list.out().split("\n")) {
            if (line.startsWith("{")) {
                listed.add(normalised(JSON.readTree(line), run));
            }
        }

        // Documented change since: the binary Brier score is the positive class's mean squared error
        // (scikit-learn's brier_score_loss), half the two-class sum reported before (docs/detectors.md).
        ObjectNode metrics = (ObjectNode) golden.path("report").path("metrics");
        metrics.put("brier_score", metrics.path("brier_score").doubleValue() / 2);
        assertSubset(normalised(golden.path("report"), "RUN"), normalised(report, run), "report.json");
        assertSubset(normalised(golden.path("log_list"), "RUN"), listed, "log list");
    }

    /** The node without varying fields, with the run id replaced by RUN. */
    private static JsonNode normalised(JsonNode node, String run) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> {
                if (!VARYING.contains(e.getKey())) {
                    out.set(e.getKey(), normalised(e.getValue(), run));
                }
            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(v -> out.add(normalised(v, run)));
            return out;
        }
        return node.isTextual() ? new TextNode(node.asText().replace(run, "RUN")) : node;
    }

    /** Every field of {@code expected} is in {@code actual} with an equal value; arrays are equal element by element. */
    private static void assertSubset(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(path).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertThat(actual.has(e.getKey())).as(path + "." + e.getKey() + " is missing").isTrue();
                assertSubset(e.getValue(), actual.get(e.getKey()), path + "." + e.getKey());
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSubset(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else if (expected.isNumber()) {
            assertThat(actual.isNumber()).as(path).isTrue();
            assertThat(actual.doubleValue()).as(path).isEqualTo(expected.doubleValue());
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
