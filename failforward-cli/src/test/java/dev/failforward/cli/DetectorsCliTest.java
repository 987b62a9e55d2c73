package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scan --detectors}, {@code --threshold} and {@code --fail-on} on real data, through the command line. */
class DetectorsCliTest {

    private static final List<String> FIVE = List.of("weak-slice", "calibration", "label-issue", "drift", "leakage");

    @TempDir
    Path dir;

    private Cli scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--data", Datasets.tabular("telco_churn.csv").toString(),
                "--target", "churn", "--out", dir.resolve("out").toString(), "--store", dir.resolve("ff.db").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    @Test
    void allFiveDetectorsReportAndTagTheFailuresTheyName() throws IOException {
        Cli cli = scan("--detectors", String.join(",", FIVE));
        assertThat(cli.exit()).as(cli.err()).isZero();
        JsonNode r = report();
        List<String> ok = new ArrayList<>();
        r.path("detectors").forEach(d -> {
            if (d.path("status").asText().equals("ok")) {
                ok.add(d.path("id").asText());
            }
        });
        assertThat(ok).containsExactlyElementsOf(FIVE);
        assertThat(r.path("findings")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.path("detector").asText()).isIn(FIVE);
            assertThat(f.path("severity").asText()).isIn("info", "warning", "critical");
            assertThat(f.path("rows").asInt()).isPositive();
        });
        String html = Files.readString(dir.resolve("out/report.html"));
        FIVE.forEach(id -> assertThat(html).contains("id=\"detector-" + id + "\""));

        // Rebuilt from the log alone, the report has the same detector results, findings and sections.
        Cli rebuilt = Cli.run("report", "--run", "latest", "--out", dir.resolve("again").toString(),
                "--store", dir.resolve("ff.db").toString());
        assertThat(rebuilt.exit()).as(rebuilt.err()).isZero();
        JsonNode again = new ObjectMapper().readTree(dir.resolve("again/report.json").toFile());
        assertThat(again.path("detectors")).isEqualTo(r.path("detectors"));
        assertThat(again.path("findings")).isEqualTo(r.path("findings"));
        String againHtml = Files.readString(dir.resolve("again/report.html"));
        FIVE.forEach(id -> assertThat(againHtml).contains("id=\"detector-" + id + "\""));

        Cli tagged = Cli.run("log", "list", "--run", "latest", "--cause", "weak-slice", "--format", "jsonl",
                "--store", dir.resolve("ff.db").toString());
        assertThat(tagged.exit()).isZero();
        assertThat(tagged.out().lines().count()).isPositive();
        tagged.out().lines().forEach(l -> assertThat(l).contains("\"weak-slice\""));
        Cli labels = Cli.run("log", "list", "--run", "latest", "--cause", "label-issue", "--format", "jsonl",
                "--store", dir.resolve("ff.db").toString());
        assertThat(labels.out().lines().count()).isPositive();
    }

    @Test
    void failOnTurnsAFindingIntoExitCodeOneAfterWritingTheReport() throws IOException {
        Cli cli = scan("--detectors", "weak-slice", "--fail-on", "warning");
        assertThat(cli.exit()).as(cli.err()).isEqualTo(ExitCodes.FAILED_CHECK);
        assertThat(cli.err()).contains("--fail-on warning");
        assertThat(report().path("findings").get(0).path("severity").asText()).isIn("warning", "critical");
    }

    @Test
    void aThrowingDetectorIsAnErrorEntryAndTheScanExitsThree() throws IOException {
        Cli cli = scan("--detectors", "test-throws,leakage");
        assertThat(cli.exit()).as(cli.err()).isEqualTo(ExitCodes.PART_FAILED);
        JsonNode d = report().path("detectors");
        assertThat(d.get(0).path("status").asText()).isEqualTo("error");
        assertThat(d.get(0).path("error").asText()).contains("planted failure in churn");
        assertThat(d.get(1).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void unknownDetectorsAndThresholdsFailBeforeAnythingIsWritten() {
        Cli unknown = scan("--detectors", "weak-slice,slicefinder");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("unknown detector 'slicefinder'").contains("weak-slice, calibration");
        Cli key = scan("--threshold", "weak-slice.min-suport=5");
        assertThat(key.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(key.err()).contains("unknown threshold 'weak-slice.min-suport'").contains("weak-slice.min-support");
        Cli negative = scan("--threshold", "weak-slice.bins=-1");
        assertThat(negative.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(negative.err().strip()).isEqualTo("failforward: error: threshold 'weak-slice.bins' must be a whole number from 2 to 1000, got '-1'");
        Cli nan = scan("--threshold", "calibration.ece-warning=NaN");
        assertThat(nan.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(nan.err()).contains("threshold 'calibration.ece-warning' must be a number from 0 to 1, got 'NaN'");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(dir.resolve("ff.db")).doesNotExist();
    }

    @Test
    void aThresholdChangesTheVerdict() throws IOException {
        Cli cli = scan("--detectors", "weak-slice", "--threshold", "weak-slice.critical-ratio=100",
                "--threshold", "weak-slice.warning-ratio=100");
        assertThat(cli.exit()).as(cli.err()).isZero();
        report().path("findings").forEach(f -> assertThat(f.path("severity").asText()).isEqualTo("info"));
        assertThat(report().path("findings")).isNotEmpty();
    }
}
