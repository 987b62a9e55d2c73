package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code ./failforward}, the launcher users run, on the jar this build packaged: a dependency
 * that only the test class path has (a Maven scope) fails here, not in a user's shell.
 */
class ShippedLauncherIT {

    @TempDir
    Path dir;

    @Test
    void theBuiltInTextModelScansSentencesFromTheLauncherWithEveryDetectorRunning() throws Exception {
        Path root = Datasets.tabular("iris.csv").getParent().getParent().getParent();
        Path data = root.resolve("datasets/text/sentiment_sentences.csv");
        Launched run = launch(root, "scan", "--data", data.toString(), "--target", "label", "--ignore", "source",
                "--model", "builtin:text-minilm-logistic", "--store", dir.resolve("t.db").toString(),
                "--out", dir.resolve("out").toString());

        assertThat(run.exit).as(run.output).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertThat(report.path("run").path("model").asText()).isEqualTo("builtin:text-minilm-logistic");
        assertThat(report.path("metrics").path("accuracy").asDouble()).isGreaterThan(0.8);
        List<String> statuses = new ArrayList<>();
        report.path("detectors").forEach(d -> statuses.add(d.path("id").asText() + "=" + d.path("status").asText()));
        assertThat(statuses).contains("drift=ok", "leakage=ok");
        assertThat(statuses).allSatisfy(s -> assertThat(s).doesNotEndWith("=error"));
        // The sentence column is free text, distinct in every row, and no identifier.
        assertThat(report.path("findings").toString()).doesNotContain("looks like an identifier");
    }

    private record Launched(int exit, String output) {
    }

    private Launched launch(Path root, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("failforward").toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve("launcher.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("./failforward did not finish in 10 minutes: " + Files.readString(log));
        }
        return new Launched(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
