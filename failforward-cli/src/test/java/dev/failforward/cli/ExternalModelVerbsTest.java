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
import static org.assertj.core.api.Assertions.within;

/**
 * The verbs after {@code scan} on models trained elsewhere (the committed fixtures of
 * failforward-models): {@code explain} re-opens the run's model from where the run recorded it, with
 * its mapping file (TreeSHAP through the XGBoost file's trees, KernelSHAP for ONNX), and refuses a
 * file that changed since.
 */
class ExternalModelVerbsTest {

    static final Path XGBOOST = ExternalModelTest.FIXTURES;
    static final Path ONNX = XGBOOST.resolveSibling("onnx");

    @TempDir
    Path dir;

    private Cli run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", dir.resolve("out").toString(), "--store", dir.resolve("ff.db").toString()));
        return Cli.run(all.toArray(String[]::new));
    }

    private List<JsonNode> failures() throws IOException {
        Cli list = Cli.run("log", "list", "--run", "latest", "--format", "jsonl", "--store", dir.resolve("ff.db").toString());
        assertThat(list.exit()).as(list.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : list.out().lines().toList()) {
            out.add(json.readTree(line));
        }
        return out;
    }

    @Test
    void explainsAnXgboostFileRunWithExactTreeShapFromTheRecordedFileAndMapping() throws IOException {
        Path config = Files.copy(XGBOOST.resolve("credit_binary.config.json"), dir.resolve("credit.config.json"));
        Cli scan = run("scan", "--data", Datasets.tabular("credit_data.csv").toString(), "--target", "Status",
                "--model", "xgboost:" + XGBOOST.resolve("credit_binary.json"), "--model-config", config.toString());
        assertThat(scan.exit()).as(scan.err()).isZero();
        Cli explain = run("explain", "--run", "latest");
        assertThat(explain.exit()).as(explain.err()).isZero();
        assertThat(explain.out()).contains("with treeshap");
        List<JsonNode> failures = failures();
        assertThat(failures).hasSizeGreaterThan(300);
        for (JsonNode f : failures) {
            JsonNode e = f.path("attributions").get(0);
            assertThat(e.path("method").asText()).isEqualTo("treeshap");
            double sum = e.path("base_value").asDouble();
            for (JsonNode a : e.path("attributions")) {
                sum += a.path("value").asDouble();
            }
            assertThat(sum).isCloseTo(e.path("value").asDouble(), within(1e-6));
            // The margin explained is the one of the model that scored the run: sigmoid(margin) = stored probability.
            double p = 1 / (1 + Math.exp(-e.path("value").asDouble()));
            assertThat(p).as(f.path("id").asText()).isCloseTo(f.path("probabilities").path(f.path("predicted").asText()).asDouble(),
                    within(1e-5));
        }
        // Categories coded by the run's mapping file: "Home" is read, so it gets attributions.
        assertThat(failures.get(0).path("attributions").get(0).path("attributions").toString()).contains("Home");
    }

    @Test
    void explainsAnOnnxRunWithKernelShapOnTheModelItself() throws IOException {
        Cli scan = run("scan", "--data", Datasets.tabular("iris.csv").toString(), "--target", "species",
                "--model", "onnx:" + ONNX.resolve("tribuo_iris.onnx"), "--model-config", ONNX.resolve("tribuo_iris.config.json").toString());
        assertThat(scan.exit()).as(scan.err()).isZero();
        Cli explain = run("explain", "--run", "latest");
        assertThat(explain.exit()).as(explain.err()).isZero();
        assertThat(explain.out()).contains("with kernelshap");
        List<JsonNode> failures = failures();
        assertThat(failures).isNotEmpty();
        for (JsonNode f : failures) {
            JsonNode e = f.path("attributions").get(0);
            assertThat(e.path("method").asText()).isEqualTo("kernelshap");
            assertThat(e.path("value").asDouble()).isCloseTo(f.path("probabilities").path(f.path("predicted").asText()).asDouble(),
                    within(1e-6));
            assertThat(e.path("attributions").size()).isEqualTo(4);
        }
    }

    @Test
    void aModelFileThatChangedSinceTheScanIsRefused() throws IOException {
        Path model = Files.copy(XGBOOST.resolve("credit_binary.json"), dir.resolve("credit.json"));
        Cli scan = run("scan", "--data", Datasets.tabular("credit_data.csv").toString(), "--target", "Status",
                "--model", "xgboost:" + model, "--model-config", XGBOOST.resolve("credit_binary.config.json").toString());
        assertThat(scan.exit()).as(scan.err()).isZero();
        // The same trees saved as UBJSON: other bytes, so another SHA-256.
        Files.copy(XGBOOST.resolve("credit_binary.ubj"), model, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Cli explain = run("explain", "--run", "latest");
        assertThat(explain.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(explain.err()).contains("is not the model run").contains("SHA-256 differs");
    }
}
