package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code retrain --model builtin:…} for a run of a model trained elsewhere: an XGBoost file scanned on the
 * credit data stays the current model, and the candidates are the built-in family the user chose.
 */
class RetrainExternalModelTest {

    static final Path XGBOOST = ExternalModelTest.FIXTURES;

    @TempDir
    Path dir;

    @Test
    void theCandidatesAreOfTheChosenBuiltInFamilyJudgedAgainstTheXgboostModel() throws Exception {
        String store = dir.resolve("ff.db").toString();
        String data = Datasets.tabular("credit_data.csv").toString();
        String model = "xgboost:" + XGBOOST.resolve("credit_binary.json");
        Cli scan = Cli.run("scan", "--data", data, "--target", "Status", "--model", model, "--model-config",
                XGBOOST.resolve("credit_binary.config.json").toString(), "--out", dir.resolve("scan").toString(), "--store", store);
        assertThat(scan.exit()).as(scan.err()).isZero();
        String runId = new ObjectMapper().readTree(dir.resolve("scan/report.json").toFile()).path("run").path("id").asText();

        Cli refused = Cli.run("retrain", "--from-run", runId, "--data", data, "--store", store, "--out", dir.resolve("x").toString());
        assertThat(refused.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("a model trained elsewhere").contains("--model builtin:gbm").hasLineCount(1);

        Cli retrain = Cli.run("retrain", "--from-run", runId, "--data", data, "--model", "builtin:logistic",
                "--strategy", "reweight,clean", "--resamples", "200", "--out", dir.resolve("rt").toString(), "--store", store);
        assertThat(retrain.exit()).as(retrain.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("rt/retrain.json").toFile());
        assertThat(json.path("from_run").asText()).isEqualTo(runId);
        assertThat(json.path("model").asText()).startsWith("xgboost:");
        JsonNode clean = json.path("strategies").get(1);
        assertThat(clean.path("status").asText()).as(clean.toString()).isEqualTo("candidate");
        assertThat(clean.path("primary_metric").path("baseline").asDouble()).isBetween(0.5, 1.0);
        try (var log = Stores.open(store)) {
            var run = log.run(json.path("run").asText()).orElseThrow();
            assertThat(run.kind()).isEqualTo("retrain");
            assertThat(run.provenance().options()).containsEntry("candidates", "builtin:logistic").containsEntry("from_run", runId);
        }

        Cli wrong = Cli.run("retrain", "--from-run", runId, "--data", data, "--model", "onnx:m.onnx", "--store", store,
                "--out", dir.resolve("y").toString());
        assertThat(wrong.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(wrong.err()).contains("--model onnx:m.onnx").hasLineCount(1);
    }
}
