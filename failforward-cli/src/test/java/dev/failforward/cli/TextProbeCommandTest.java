package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.builtin.ModelFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
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
 * person or place of the name-swap lists, and others drawn at random. The run also searches for
 * adversarial sentences on 40 rows.
 */
@Tag("slow")
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
                "--model", "builtin:text-minilm-logistic", "--text-adversarial", "--text-adversarial-rows", "40",
                "--out", dir.resolve("out").toString(),
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
    void adversarialSentencesFlipTheSavedModelWithFewWordsChanged() {
        JsonNode adversarial = report.path("text_adversarial");
        assertThat(adversarial.path("attacked").asInt()).isEqualTo(40);
        assertThat(adversarial.path("budget").asInt()).isEqualTo(3);
        int succeeded = adversarial.path("succeeded").asInt();
        assertThat(adversarial.path("success_rate").asDouble()).isEqualTo(succeeded / 40.0);
        assertThat(adversarial.path("median_words_changed").asDouble()).isBetween(1.0, 3.0);
        List<JsonNode> found = byOrigin.getOrDefault("probe:text-adversarial", List.of());
        assertThat(found).hasSize(succeeded).isNotEmpty();
        // Score the adversarial sentences again with the model saved with the run: each still flips.
        Model model = ModelFiles.load(Stores.modelFolder(dir.resolve("ff.db").toString()).resolve(found.get(0).path("run_id").asText() + ".model"));
        String[] sentences = found.stream().map(f -> f.path("perturbed_input").path("text").asText()).toArray(String[]::new);
        Predictions p = model.predict(Table.of("adversarial", List.of(new TextColumn("text", sentences))));
        for (int i = 0; i < found.size(); i++) {
            JsonNode f = found.get(i);
            assertThat(model.target().classes().get(p.predictedClass(i))).isNotEqualTo(f.path("expected").asText())
                    .isEqualTo(f.path("predicted").asText());
            int words = f.path("probe_params").path("words_changed").asInt();
            assertThat(words).isBetween(1, 3);
            String[] before = f.path("input").path("text").asText().split(" ");
            String[] after = sentences[i].split(" ");
            assertThat(after).hasSameSizeAs(before);
            int differ = 0;
            for (int w = 0; w < before.length; w++) {
                differ += before[w].equals(after[w]) ? 0 : 1;
            }
            assertThat(differ).isBetween(1, words);
        }
    }

    @Test
    void textAdversarialNeedsText() {
        Cli r = Cli.run("probe", "--data", Datasets.tabular("iris.csv").toString(), "--target", "species", "--text-adversarial",
                "--store", dir.resolve("iris.db").toString(), "--out", dir.resolve("iris").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--text-adversarial needs a text feature column");
    }

    @Test
    void htmlReportShowsTheTextProbes() throws IOException {
        String html = Files.readString(dir.resolve("out/report.html"));
        assertThat(html).contains("negation").contains("name-swap").contains("<svg").contains("id=\"text-adversarial\"");
    }
}
