package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code retrain} through the command line: a scan of breast cancer, then its retrain, its files and its run. */
class RetrainCommandTest {

    @TempDir
    static Path dir;
    static String store;
    static String scanRun;
    static Cli retrain;

    @BeforeAll
    static void scanThenRetrain() throws IOException {
        store = dir.resolve("ff.db").toString();
        Cli scan = Cli.run("scan", "--data", Datasets.tabular("breast_cancer.csv").toString(), "--target", "diagnosis",
                "--out", dir.resolve("scan").toString(), "--store", store);
        assertThat(scan.exit()).as(scan.err()).isZero();
        scanRun = new ObjectMapper().readTree(dir.resolve("scan/report.json").toFile()).path("run").path("id").asText();
        retrain = Cli.run("retrain", "--from-run", scanRun, "--data", Datasets.tabular("breast_cancer.csv").toString(),
                "--strategy", "reweight,clean,production,combined", "--resamples", "200", "--out", dir.resolve("rt").toString(),
                "--export-training", dir.resolve("sets").toString(), "--store", store);
    }

    @Test
    void helpNamesTheRunAndAnExample() {
        Cli help = Cli.run("retrain", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--from-run").contains("failforward retrain --from-run latest --data churn.csv");
    }

    @Test
    void writesEveryStrategyWithAVerdictAndARecommendation() throws IOException {
        assertThat(retrain.exit()).as(retrain.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("rt/retrain.json").toFile());
        assertThat(json.path("from_run").asText()).isEqualTo(scanRun);
        List<String> ids = new ArrayList<>();
        json.path("strategies").forEach(s -> ids.add(s.path("strategy").asText()));
        assertThat(ids).containsExactly("reweight", "clean", "production", "combined");
        JsonNode production = json.path("strategies").get(2);
        assertThat(production.path("status").asText()).isEqualTo("skipped");
        assertThat(production.path("reason").asText()).contains("log ingest");
        JsonNode clean = json.path("strategies").get(1);
        assertThat(clean.path("status").asText()).isEqualTo("candidate");
        assertThat(clean.path("gate").path("verdict").asText()).isIn("pass", "block");
        assertThat(clean.path("primary_metric").path("metric").asText()).isEqualTo("roc_auc");
        assertThat(json.path("rows").path("selection").asInt() + json.path("rows").path("verification").asInt()).isEqualTo(171);
        assertThat(json.path("recommendation").path("reason").asText()).isNotBlank();
        assertThat(Files.readString(dir.resolve("rt/retrain.html"))).contains("Retrain with failure samples").doesNotContain("<script");
        assertThat(Files.exists(dir.resolve("sets/clean.csv"))).isTrue();
        assertThat(Files.readAllLines(dir.resolve("sets/clean.csv")).size() - 1)
                .isEqualTo(clean.path("training_set").path("rows").asInt());
    }

    @Test
    void theRetrainIsARunOfKindRetrainHoldingTheVerificationRows() throws IOException {
        JsonNode json = new ObjectMapper().readTree(dir.resolve("rt/retrain.json").toFile());
        String id = json.path("run").asText();
        Cli runs = Cli.run("log", "runs", "--store", store);
        assertThat(runs.out()).contains(id).contains("retrain");
        try (var log = Stores.open(store)) {
            var run = log.run(id).orElseThrow();
            assertThat(run.kind()).isEqualTo("retrain");
            assertThat(run.provenance().options()).containsEntry("from_run", scanRun);
            assertThat(run.predictionCount()).isEqualTo(json.path("rows").path("verification").asInt());
            assertThat(Files.exists(Path.of(run.modelPath()))).isTrue();
        }
    }

    @Test
    void dataThatIsNotTheRunsIsBadInput() throws IOException {
        Path other = dir.resolve("changed.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(Datasets.tabular("breast_cancer.csv")));
        lines.remove(lines.size() - 1);
        Files.write(other, lines);
        Cli r = Cli.run("retrain", "--from-run", scanRun, "--data", other.toString(), "--out", dir.resolve("x").toString(),
                "--store", store);
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("is not the data run " + scanRun + " was made from").hasLineCount(1);
    }

    @Test
    void anUnknownStrategyOrRunIsBadInput() {
        Cli strategy = Cli.run("retrain", "--from-run", scanRun, "--data", Datasets.tabular("breast_cancer.csv").toString(),
                "--strategy", "upweight", "--store", store);
        assertThat(strategy.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(strategy.err()).contains("unknown retrain strategy 'upweight'").contains("reweight");
        Cli run = Cli.run("retrain", "--from-run", "nope", "--data", Datasets.tabular("breast_cancer.csv").toString(),
                "--store", store);
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("no run 'nope'");
    }
}
