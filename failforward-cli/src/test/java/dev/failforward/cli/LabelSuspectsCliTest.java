package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Label-issue suspects reach the failure log by row key, training and test rows alike: breast cancer
 * with a {@code row} id column and 5 % of its labels flipped (seeded), scanned with {@code --id row},
 * then listed with {@code log list --origin label-issue}; and the same data with its labels as they
 * are, which must not raise a warning.
 */
class LabelSuspectsCliTest {

    @TempDir
    Path dir;

    /** Breast cancer with a leading {@code row} column; the rows whose labels were flipped go into {@code flipped}. */
    private Path withIds(boolean flip, Set<String> flipped) throws IOException {
        List<String> lines = Files.readAllLines(Datasets.tabular("breast_cancer.csv"));
        List<String> out = new ArrayList<>(List.of("row," + lines.get(0)));
        Random random = new Random(21);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (flip && random.nextDouble() < 0.05) {
                // The target is the last field: benign or malignant.
                line = line.endsWith("benign") ? line.substring(0, line.length() - 6) + "malignant"
                        : line.substring(0, line.length() - 9) + "benign";
                flipped.add(Integer.toString(i - 1));
            }
            out.add((i - 1) + "," + line);
        }
        return Files.write(dir.resolve(flip ? "noisy.csv" : "clean.csv"), out);
    }

    private Cli scan(Path data, String out) {
        return Cli.run("scan", "--data", data.toString(), "--target", "diagnosis", "--id", "row", "--detectors",
                "label-issue", "--out", dir.resolve(out).toString(), "--store", dir.resolve("ff.db").toString());
    }

    @Test
    void suspectsAreStoredByRowKeyForTrainingAndTestRows() throws IOException {
        Set<String> flipped = new HashSet<>();
        Path noisy = withIds(true, flipped);
        Cli cli = scan(noisy, "noisy");
        assertThat(cli.exit()).as(cli.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("noisy/report.json").toFile());
        String run = report.path("run").path("id").asText();

        Cli listed = Cli.run("log", "list", "--run", run, "--origin", "label-issue", "--format", "jsonl", "--limit", "100000",
                "--store", dir.resolve("ff.db").toString());
        assertThat(listed.exit()).as(listed.err()).isZero();
        Set<String> keys = new HashSet<>();
        for (String line : listed.out().lines().toList()) {
            JsonNode f = new ObjectMapper().readTree(line);
            assertThat(f.path("origin").asText()).isEqualTo("label-issue");
            assertThat(f.path("cause_tags").toString()).contains("label-issue");
            keys.add(f.path("row_key").asText());
        }
        long hits = keys.stream().filter(flipped::contains).count();
        assertThat((double) hits / keys.size()).as("precision of %s against %s", keys, flipped).isGreaterThanOrEqualTo(0.85);
        assertThat((double) hits / flipped.size()).as("recall of %s against %s", keys, flipped).isGreaterThanOrEqualTo(0.7);

        JsonNode finding = report.path("findings").get(0);
        assertThat(finding.path("detector").asText()).isEqualTo("label-issue");
        Set<String> sets = new HashSet<>();
        finding.path("evidence").path("suspects").forEach(s -> sets.add(s.path("set").asText()));
        assertThat(sets).as("suspects among training and test rows").containsExactlyInAnyOrder("train", "test");
        assertThat(listed.out().lines().count()).isEqualTo(finding.path("rows").asLong());
    }

    @Test
    void cleanLabelsRaiseNoWarning() throws IOException {
        Cli cli = scan(withIds(false, new HashSet<>()), "clean");
        assertThat(cli.exit()).as(cli.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("clean/report.json").toFile());
        report.path("findings").forEach(f -> assertThat(f.path("severity").asText()).as(f.path("title").asText()).isEqualTo("info"));
    }
}
