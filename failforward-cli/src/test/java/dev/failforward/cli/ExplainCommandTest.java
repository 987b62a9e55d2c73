package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code explain} after the demo: attributions for every failure, stored, listed, shown and charted. */
@Tag("slow")
class ExplainCommandTest {

    @TempDir
    static Path dir;
    static String store;
    static Cli explain;

    @BeforeAll
    static void demoThenExplain() {
        store = dir.resolve("ff.db").toString();
        Cli demo = Cli.run("demo", "--no-retrain", "--out", dir.resolve("out").toString(), "--store", store);
        assertThat(demo.exit()).as(demo.err()).isZero();
        explain = Cli.run("explain", "--run", "latest", "--out", dir.resolve("out").toString(), "--store", store);
    }

    @Test
    void everyFailureGetsExactAdditiveTreeShapAttributions() throws IOException {
        assertThat(explain.exit()).as(explain.err()).isZero();
        assertThat(explain.out()).contains("with treeshap").contains("1000 correct predictions").contains("contract");
        List<String> lines = Cli.run("log", "list", "--run", "latest", "--format", "jsonl", "--store", store).out().lines().toList();
        assertThat(lines).hasSizeGreaterThan(100);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode f = json.readTree(line);
            JsonNode a = f.path("attributions");
            assertThat(a.size()).as(f.path("id").asText()).isEqualTo(1);
            JsonNode e = a.get(0);
            assertThat(e.path("method").asText()).isEqualTo("treeshap");
            assertThat(e.path("output").asText()).isEqualTo(f.path("predicted").asText());
            double sum = e.path("base_value").asDouble();
            for (JsonNode at : e.path("attributions")) {
                assertThat(f.path("input").has(at.path("feature").asText())).as(at.toString()).isTrue();
                sum += at.path("value").asDouble();
            }
            assertThat(sum).isCloseTo(e.path("value").asDouble(), within(1e-9));
            assertThat(e.path("fidelity").path("measure").asText()).isEqualTo("additivity_gap");
            assertThat(e.path("fidelity").path("value").asDouble()).isLessThan(1e-9);
        }
    }

    @Test
    void kernelShapOnOneFailureReproducesTheStoredProbability() throws IOException {
        JsonNode first = new ObjectMapper().readTree(Cli.run("log", "list", "--run", "latest", "--format", "jsonl",
                "--limit", "1", "--store", store).out().lines().findFirst().orElseThrow());
        String id = first.path("id").asText();
        Cli k = Cli.run("explain", "--run", "latest", "--failure", id, "--method", "kernelshap", "--top-features", "3",
                "--out", dir.resolve("k").toString(), "--store", store);
        assertThat(k.exit()).as(k.err()).isZero();
        assertThat(k.out()).contains("explained 1 failure with kernelshap").contains("attributions (kernelshap, probability");
        Cli show = Cli.run("log", "show", id, "--store", store);
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).contains("attributions (kernelshap").contains("attributions (treeshap").contains("tenure");
        JsonNode again = new ObjectMapper().readTree(Cli.run("log", "list", "--run", "latest", "--format", "jsonl",
                "--limit", "1", "--store", store).out().lines().findFirst().orElseThrow());
        JsonNode kernel = again.path("attributions").get(0);
        assertThat(kernel.path("method").asText()).isEqualTo("kernelshap");
        // The model, reloaded and fed the inputs rebuilt from the log, gives the stored probability (scored on its
        // trees, which stand in for the booster only where they agree with it to 1e-6).
        String predicted = first.path("predicted").asText();
        assertThat(kernel.path("value").asDouble()).isCloseTo(first.path("probabilities").path(predicted).asDouble(), within(1e-6));
        assertThat(kernel.path("fidelity").path("measure").asText()).isEqualTo("r2");
        assertThat(kernel.path("fidelity").path("value").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void thePageContrastsFailuresWithCorrectPredictions() throws IOException {
        String html = Files.readString(dir.resolve("out/explanations.html"));
        assertThat(html).contains("contrast-chart").contains("Mean |attribution|: failures vs correct predictions")
                .contains("correct predictions").contains("failure-chart").doesNotContain("<script");
        assertThat(html.split("<svg", -1).length - 1).isEqualTo(1 + 24);
    }

    @Test
    void theReRenderedReportHasTheExplanationsWithTheContrastInsideEachWeakSlice() throws IOException {
        assertThat(explain.out()).contains("weak slice ");
        try (var log = dev.failforward.store.JdbcFailureLog.open(store)) {
            var run = log.run("latest").orElseThrow();
            var contrast = log.contrasts(run.id()).stream().filter(c -> c.method().equals("treeshap")).findFirst().orElseThrow();
            var overall = contrast.overall().orElseThrow();
            assertThat(overall.failuresExplained()).isEqualTo(run.failureCount());
            assertThat(overall.correctExplained()).isEqualTo(1000);
            // The stored "on failures" means are those of the stored attributions.
            java.util.List<dev.failforward.explain.Explanation> stored = log.attributionsOfRun(run.id()).values().stream()
                    .flatMap(java.util.List::stream).filter(e -> e.method().equals("treeshap")).toList();
            dev.failforward.explain.AttributionContrast.meanAbsolute(stored)
                    .forEach((feature, mean) -> assertThat(overall.onFailures().get(feature)).as(feature).isCloseTo(mean, within(1e-12)));
            assertThat(contrast.slices()).isNotEmpty();
            for (var slice : contrast.slices()) {
                // Every failure of the slice is explained; its correct rows come from the sample of 1,000.
                assertThat(slice.failuresExplained()).as(slice.slice()).isEqualTo(slice.errors());
                assertThat(slice.correctExplained()).isBetween(1, slice.size() - slice.errors());
                assertThat((double) slice.errors() / slice.size()).isGreaterThan((double) run.failureCount() / run.predictionCount());
                assertThat(explain.out()).contains("weak slice " + slice.slice() + ": " + slice.errors() + " of " + slice.size());
            }
        }
        Path out = dir.resolve("report");
        Cli report = Cli.run("report", "--run", "latest", "--out", out.toString(), "--store", store);
        assertThat(report.exit()).as(report.err()).isZero();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("id=\"explanations\"").contains("Method treeshap").contains("class=\"contrast-chart\"")
                .contains("class=\"contrast-chart slice\"").contains("Inside each weak slice").contains("class=\"failure-chart\"")
                .doesNotContain("<script");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() {
        Cli noRun = Cli.run("explain", "--run", "nope", "--store", store);
        assertThat(noRun.exit()).isEqualTo(2);
        assertThat(noRun.err()).contains("no run 'nope'");
        Cli method = Cli.run("explain", "--run", "latest", "--method", "shapley", "--store", store);
        assertThat(method.exit()).isEqualTo(2);
        assertThat(method.err()).contains("unknown explanation method 'shapley'").contains("kernelshap, lime, permutation, treeshap");
        Cli summary = Cli.run("explain", "--run", "latest", "--background", "median", "--store", store);
        assertThat(summary.exit()).isEqualTo(2);
        assertThat(summary.err()).contains("unknown background summary 'median'; known: sample, kmeans");
        Cli failure = Cli.run("explain", "--run", "latest", "--failure", "x-1", "--store", store);
        assertThat(failure.exit()).isEqualTo(2);
        assertThat(failure.err()).contains("no failure 'x-1'");
        Cli show = Cli.run("log", "show", "missing-3", "--store", store);
        assertThat(show.exit()).isEqualTo(2);
        assertThat(show.err()).contains("no failure 'missing-3'");
    }
}
