package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code probe} with {@code builtin:text-minilm-logistic} on the real sentiment sentences: the
 * negation (DIR) and name-swap (INV) probes find real failures, logged with the perturbed text.
 * To keep the run short the data is a seeded sample of 600 sentences: every sentence that names a
 * person or place of the name-swap lists, and others drawn at random.
 */
class TextProbeCommandTest {

    static final int SAMPLE = 600;

    @TempDir
    static Path dir;

    static Cli probe;
    static JsonNode report;
    static Map<String, List<JsonNode>> byOrigin = new HashMap<>();

    @BeforeAll
    static void probeSentiment() throws IOException {
        Path data = sample(dir.resolve("sentiment-sample.csv"));
        probe = Cli.run("probe", "--data", data.toString(), "--target", "label", "--ignore", "source",
                "--model", "builtin:text-minilm-logistic", "--out", dir.resolve("out").toString(),
                "--store", dir.resolve("ff.db").toString());
        assertThat(probe.exit()).as(probe.err()).isZero();
        report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        Cli list = Cli.run("log", "list", "--store", dir.resolve("ff.db").toString(), "--origin", "probe:*",
                "--format", "jsonl", "--limit", "100000");
        assertThat(list.exit()).as(list.err()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : list.out().lines().filter(l -> l.startsWith("{")).toList()) {
            JsonNode f = mapper.readTree(line);
            byOrigin.computeIfAbsent(f.path("origin").asText(), k -> new ArrayList<>()).add(f);
        }
    }

    /** Every sentence naming someone or somewhere from the probe's lists, then seeded others, up to {@link #SAMPLE}. */
    static Path sample(Path to) throws IOException {
        List<String> lines = Files.readAllLines(Datasets.tabular("../text/sentiment_sentences.csv"));
        Pattern names = Pattern.compile("\\b(" + String.join("|", list("names.txt")) + "|" + String.join("|", list("locations.txt")) + ")\\b");
        List<String> named = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            (names.matcher(line).find() ? named : others).add(line);
        }
        SplittableRandom random = new SplittableRandom(7);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        out.addAll(named);
        while (out.size() <= SAMPLE) {
            out.add(others.remove(random.nextInt(others.size())));
        }
        return Files.write(to, out);
    }

    private static List<String> list(String name) throws IOException {
        try (InputStream in = TextProbeCommandTest.class.getResourceAsStream("/dev/failforward/probe/text/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    @Test
    void reportListsTheTextProbesOnly() {
        List<String> ids = new ArrayList<>();
        report.path("probes").forEach(p -> ids.add(p.path("id").asText()));
        assertThat(ids).contains("negation", "name-swap", "typo", "synonym", "irrelevant-sentence", "contraction", "case-punctuation");
        assertThat(report.path("metrics").path("accuracy").asDouble()).isGreaterThan(0.7);
        System.out.println(probe.out());
    }

    @Test
    void negationFailuresAreLoggedWithTheNegatedSentence() {
        List<JsonNode> negation = byOrigin.getOrDefault("probe:negation", List.of());
        assertThat(negation).isNotEmpty();
        for (JsonNode f : negation) {
            String before = f.path("input").path("text").asText();
            String after = f.path("perturbed_input").path("text").asText();
            assertThat(after).isNotEqualTo(before).containsIgnoringCase("not");
            assertThat(f.path("probe_params").path("expectation").asText()).isEqualTo("DIR down");
            // Judged only where the model said positive, and there the positive probability did not fall by 0.1.
            assertThat(f.path("probabilities").path("1").asDouble()).isGreaterThan(0.4);
        }
    }

    @Test
    void nameSwapFailuresAreInvarianceFailuresWithOtherNames() {
        List<JsonNode> swapped = byOrigin.getOrDefault("probe:name-swap", List.of());
        assertThat(swapped).isNotEmpty();
        for (JsonNode f : swapped) {
            String before = f.path("input").path("text").asText();
            String after = f.path("perturbed_input").path("text").asText();
            assertThat(after).isNotEqualTo(before);
            assertThat(after.split(" ")).hasSameSizeAs(before.split(" "));
            assertThat(f.path("probe_params").path("expectation").asText()).isEqualTo("INV");
            assertThat(f.path("cause_tags").toString()).contains("flipped");
        }
    }

    @Test
    void htmlReportShowsTheTextProbes() throws IOException {
        String html = Files.readString(dir.resolve("out/report.html"));
        assertThat(html).contains("negation").contains("name-swap").contains("<svg");
    }
}
