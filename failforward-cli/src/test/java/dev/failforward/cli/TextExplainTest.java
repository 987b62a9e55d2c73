package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIME on text with a real model: the built-in logistic regression trained on the sentiment
 * sentences (bag of words) gets "All in all, a great disappointment." wrong (labelled negative,
 * predicted positive), and LIME over its words puts the blame on "great"; the re-rendered report
 * shows the sentence with its words highlighted.
 */
class TextExplainTest {

    @TempDir
    Path dir;

    @Test
    void limeBlamesTheWordThatMisledTheModel() throws Exception {
        String store = dir.resolve("ff.db").toString();
        Path data = Datasets.tabular("../text/sentiment_sentences.csv").normalize();
        Cli scan = Cli.run("scan", "--data", data.toString(), "--target", "label", "--model", "builtin:logistic",
                "--detectors", "none", "--out", dir.resolve("scan").toString(), "--store", store);
        assertThat(scan.exit()).as(scan.err()).isIn(0, 1);
        ObjectMapper json = new ObjectMapper();
        JsonNode failure = Cli.run("log", "list", "--run", "latest", "--format", "jsonl", "--limit", "100000", "--store", store)
                .out().lines().map(l -> read(json, l)).filter(f -> f.path("input").path("text").asText().equals("All in all, a great disappointment."))
                .findFirst().orElseThrow();
        assertThat(failure.path("expected").asText()).isEqualTo("0");
        assertThat(failure.path("predicted").asText()).isEqualTo("1");
        String id = failure.path("id").asText();

        Cli explain = Cli.run("explain", "--run", "latest", "--failure", id, "--method", "lime", "--out", dir.resolve("x").toString(),
                "--store", store);
        assertThat(explain.exit()).as(explain.err()).isZero();
        JsonNode e = Cli.run("log", "list", "--run", "latest", "--format", "jsonl", "--limit", "100000", "--store", store)
                .out().lines().map(l -> read(json, l)).filter(f -> f.path("id").asText().equals(id)).findFirst().orElseThrow()
                .path("attributions").get(0);
        assertThat(e.path("method").asText()).isEqualTo("lime");
        assertThat(e.path("output").asText()).isEqualTo("1");
        JsonNode top = e.path("attributions").get(0);
        assertThat(top.path("feature").asText()).isEqualTo("text: great");
        assertThat(top.path("value").asDouble()).isGreaterThan(0.1);
        // Every word of the sentence is a player of its own; the source column is one player.
        assertThat(e.path("attributions")).extracting(a -> a.path("feature").asText())
                .containsExactlyInAnyOrder("text: great", "text: all", "text: in", "text: a", "text: disappointment", "source");
        assertThat(e.path("fidelity").path("value").asDouble()).isGreaterThan(0.9);

        Cli report = Cli.run("report", "--run", "latest", "--out", dir.resolve("report").toString(), "--store", store);
        assertThat(report.exit()).as(report.err()).isZero();
        String html = Files.readString(dir.resolve("report/report.html"));
        assertThat(html).contains("Words that drove the failures").contains("title=\"great: ")
                .containsPattern("class=\"token\" style=\"background:rgba\\(213,94,0,0\\.75\\)\" title=\"great: [0-9.]+\">great</span>");
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception ex) {
            throw new IllegalStateException(line, ex);
        }
    }
}
