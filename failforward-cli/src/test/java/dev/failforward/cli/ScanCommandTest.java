package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scan} on real data of each task, through the command line. */
class ScanCommandTest {

    @TempDir
    Path dir;

    private JsonNode scan(String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("scan", "--out", dir.resolve("out").toString(),
                "--store", dir.resolve("ff.db").toString()));
        args.addAll(List.of(extra));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.exit()).as(cli.err()).isZero();
        return new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    @Test
    void timingsHoldEveryPhaseInReportJsonAndArePrintedOnRequest() throws IOException {
        List<String> args = List.of("scan", "--out", dir.resolve("out").toString(), "--store", dir.resolve("ff.db").toString(),
                "--data", Datasets.tabular("titanic.csv").toString(), "--target", "survived", "--ignore", "name,boat,body",
                "--detectors", "weak-slice,calibration", "--timings");
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.exit()).as(cli.err()).isZero();
        JsonNode timings = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile()).path("timings");
        List<String> phases = new java.util.ArrayList<>();
        timings.fieldNames().forEachRemaining(phases::add);
        assertThat(phases).containsExactly("read", "prepare", "train", "score", "judge", "detectors", "detector:weak-slice",
                "detector:calibration", "save model", "store");
        // The detectors run side by side: each one's time lies within theirs together.
        assertThat(timings.path("detectors").asDouble()).isGreaterThanOrEqualTo(
                Math.max(timings.path("detector:weak-slice").asDouble(), timings.path("detector:calibration").asDouble()));
        timings.forEach(t -> assertThat(t.asDouble()).isGreaterThanOrEqualTo(0).isLessThan(600));
        assertThat(timings.path("train").asDouble()).isPositive();
        assertThat(cli.out()).contains("timings (seconds):").containsPattern("detector:weak-slice +\\d+\\.\\d{3}")
                .containsPattern("report +\\d+\\.\\d{3}").containsPattern("total +\\d+\\.\\d{3}");
    }

    @Test
    void multiclassIrisWithTree() throws IOException {
        JsonNode r = scan("--data", Datasets.tabular("iris.csv").toString(), "--target", "species", "--model", "builtin:tree");
        assertThat(r.path("task").asText()).isEqualTo("multiclass_classification");
        assertThat(r.path("classes")).hasSize(3);
        assertThat(r.path("metrics").path("accuracy").asDouble()).isGreaterThan(0.85);
        assertThat(r.path("provenance").path("options").path("--model").asText()).isEqualTo("builtin:tree");
    }

    @Test
    void regressionAmesFailuresAreTheWorstTenthOfErrors() throws IOException {
        JsonNode r = scan("--data", Datasets.tabular("ames_housing.csv").toString(), "--target", "Sale_Price",
                "--model", "builtin:logistic");
        assertThat(r.path("task").asText()).isEqualTo("regression");
        assertThat(r.path("metrics").path("r2").asDouble()).isGreaterThan(0.6);
        int rows = (int) (Files.readAllLines(dir.resolve("out/predictions.csv")).size() - 1);
        int failures = r.path("failures").path("count").asInt();
        assertThat(failures).isBetween((int) Math.floor(rows * 0.09), (int) Math.ceil(rows * 0.11));
    }

    @Test
    void separateTestFileIdColumnAndIgnoredColumns() throws IOException {
        // Split titanic by passenger class: train on 1st and 2nd, test on 3rd (unseen-data stress).
        Path source = Datasets.tabular("titanic.csv");
        List<String> lines = Files.readAllLines(source);
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        // A quoted name never starts a line, so the first field (pclass) decides the file.
        Files.write(train, lines.stream().filter(l -> !l.startsWith("3,")).toList());
        List<String> testLines = new java.util.ArrayList<>(List.of(lines.get(0)));
        // Two third-class passengers share a name with another: row keys must be unique, so the repeats go.
        java.util.Set<String> names = new java.util.HashSet<>();
        testLines.addAll(lines.stream().filter(l -> l.startsWith("3,"))
                .filter(l -> names.add(l.substring(l.indexOf('"'), l.indexOf('"', l.indexOf('"') + 1)))).toList());
        Files.write(test, testLines);
        JsonNode r = scan("--data", train.toString(), "--test", test.toString(), "--target", "survived",
                "--id", "name", "--ignore", "boat,body", "--positive-class", "1");
        assertThat(r.path("classes").get(1).asText()).isEqualTo("1");
        Cli list = Cli.run("log", "list", "--run", "latest", "--format", "jsonl", "--store", dir.resolve("ff.db").toString());
        JsonNode first = new ObjectMapper().readTree(list.out().lines().findFirst().orElseThrow());
        assertThat(first.path("row_key").asText()).contains(",");
        assertThat(first.path("input").path("pclass").asDouble()).isEqualTo(3.0);
    }
}
