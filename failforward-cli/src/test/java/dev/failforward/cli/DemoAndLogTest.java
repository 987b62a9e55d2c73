package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo end to end, then the log verbs over what it stored. */
class DemoAndLogTest {

    @TempDir
    static Path dir;
    static Cli demo;
    static JsonNode report;

    @BeforeAll
    static void runDemo() throws IOException {
        demo = Cli.run("demo", "--out", dir.resolve("out").toString(), "--store", dir.resolve("ff.db").toString());
        report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    @Test
    void demoWritesReportsAndSummary() throws IOException {
        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(report.path("schema_version").asInt()).isEqualTo(1);
        assertThat(report.path("metrics").path("roc_auc").asDouble()).isGreaterThanOrEqualTo(0.80);
        assertThat(report.path("task").asText()).isEqualTo("binary_classification");
        assertThat(Files.exists(dir.resolve("out/report.html"))).isTrue();
        assertThat(demo.out()).contains("worst failures").contains("report.html").contains(report.path("run").path("id").asText());
        String scanRun = report.path("run").path("id").asText();
        assertThat(Files.exists(dir.resolve("failforward-saved-models").resolve(scanRun + ".model"))).isTrue();
    }

    @Test
    void demoRetrainsTheScanAndAddsASection() throws IOException {
        JsonNode retrain = new ObjectMapper().readTree(dir.resolve("out/retrain.json").toFile());
        String scanRun = report.path("run").path("id").asText();
        assertThat(retrain.path("from_run").asText()).isEqualTo(scanRun);
        List<String> strategies = new java.util.ArrayList<>();
        retrain.path("strategies").forEach(s -> strategies.add(s.path("strategy").asText()));
        assertThat(strategies).containsExactly("reweight", "clean");
        assertThat(retrain.path("recommendation").path("reason").asText()).isNotBlank();
        String html = Files.readString(dir.resolve("out/report.html"));
        assertThat(html).contains("Retrain with failure samples").contains(retrain.path("run").asText());
        assertThat(html.indexOf("id=\"retrain\"")).isLessThan(html.lastIndexOf("</main>"));
        assertThat(report.path("detectors").size()).isGreaterThanOrEqualTo(3);
        try (var files = Files.list(dir.resolve("failforward-saved-models"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith(retrain.path("run").asText())))
                    .isNotEmpty();
        }
    }

    @Test
    void predictionsCsvHasOneRowPerTestRow() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("out/predictions.csv"));
        assertThat(lines.get(0)).startsWith("row_key,expected,predicted");
        assertThat(lines).hasSize(2113 + 1);
    }

    @Test
    void logListJsonlHasEveryFailure() throws IOException {
        Cli list = Cli.run("log", "list", "--run", report.path("run").path("id").asText(), "--format", "jsonl", "--store",
                dir.resolve("ff.db").toString());
        assertThat(list.exit()).as(list.err()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(report.path("failures").path("count").asInt());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        for (String key : List.of("id", "run_id", "row_key", "origin", "input", "expected", "predicted",
                "probabilities", "confidence", "loss", "cause_tags", "fingerprint")) {
            assertThat(first.has(key)).as(key).isTrue();
        }
        assertThat(first.path("origin").asText()).isEqualTo("holdout");
        assertThat(first.path("input").has("tenure")).isTrue();
        assertThat(first.path("expected").asText()).isNotEqualTo(first.path("predicted").asText());
    }

    @Test
    void logListTableAndCsvAndLimit() {
        String store = dir.resolve("ff.db").toString();
        Cli table = Cli.run("log", "list", "--store", store);
        assertThat(table.out().lines().count()).isEqualTo(1 + LogListCommand.TABLE_ROWS + 1);
        assertThat(table.out()).contains("more");
        Cli csv = Cli.run("log", "list", "--format", "csv", "--limit", "7", "--store", store);
        assertThat(csv.out().lines().filter(l -> !l.isBlank()).count()).isGreaterThanOrEqualTo(8);
        assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("id,run_id,row_key");
    }

    @Test
    void logRunsShowsTheRun() {
        Cli runs = Cli.run("log", "runs", "--store", dir.resolve("ff.db").toString());
        assertThat(runs.exit()).isZero();
        assertThat(runs.out()).contains(report.path("run").path("id").asText()).contains("demo").contains("complete")
                .contains("roc_auc").contains("retrain");
    }

    @Test
    void unknownRunIsBadInput() {
        Cli list = Cli.run("log", "list", "--run", "nope", "--store", dir.resolve("ff.db").toString());
        assertThat(list.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(list.err()).contains("no run 'nope'");
    }
}
