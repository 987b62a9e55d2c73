package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
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
@Tag("slow")
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

    @Test
    void probesAnXgboostFileOnEveryRowWithoutTraining() throws IOException {
        Cli probe = run("probe", "--data", Datasets.tabular("credit_data.csv").toString(), "--target", "Status",
                "--model", "xgboost:" + XGBOOST.resolve("credit_binary.json"),
                "--model-config", XGBOOST.resolve("credit_binary.config.json").toString());
        assertThat(probe.exit()).as(probe.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        JsonNode probes = report.path("probes");
        assertThat(probes.size()).isGreaterThanOrEqualTo(6);
        double strongest = 0;
        for (JsonNode p : probes) {
            assertThat(p.path("rows").asInt()).isEqualTo(4454);
            strongest = Math.max(strongest, p.path("flip_rate").asDouble());
        }
        assertThat(strongest).isGreaterThan(0.01);
        assertThat(probe.out()).contains("xgboost:").contains("probe failures");
        try (var log = Stores.open(dir.resolve("ff.db").toString())) {
            var r = log.runs().get(0);
            assertThat(r.kind()).isEqualTo("probe");
            assertThat(r.modelId()).isEqualTo("xgboost:" + XGBOOST.resolve("credit_binary.json"));
            assertThat(r.modelPath()).isEqualTo(XGBOOST.resolve("credit_binary.json").toAbsolutePath().normalize().toString());
            assertThat(r.predictionCount()).isEqualTo(4454);
            // The holdout predictions are xgboost's own: the probe did not train anything.
            List<String> reference = Files.readAllLines(XGBOOST.resolve("credit_binary.predictions.csv"));
            var predictions = log.predictions(r.id());
            for (int i = 0; i < predictions.size(); i++) {
                assertThat(predictions.get(i).probabilities()[1]).isCloseTo(Double.parseDouble(reference.get(i)), within(1e-6));
            }
        }
    }

    @Test
    void comparesAnXgboostFileWithAnOnnxModelInAnotherClassOrder() throws IOException {
        Cli compare = run("compare", "--data", Datasets.tabular("iris.csv").toString(), "--target", "species", "--no-reference",
                "--baseline", "xgboost:" + XGBOOST.resolve("iris_multi.json"),
                "--candidate", "onnx:" + ONNX.resolve("tribuo_iris.onnx"),
                "--candidate-config", ONNX.resolve("tribuo_iris.config.json").toString(), "--resamples", "200");
        assertThat(compare.exit()).as(compare.err()).isIn(0, 1);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/compare.json").toFile());
        List<String> species = Files.readAllLines(Datasets.tabular("iris.csv")).stream().skip(1)
                .map(l -> l.substring(l.lastIndexOf(',') + 1)).toList();
        assertThat(json.path("baseline").path("metrics").path("accuracy").asDouble())
                .isCloseTo(accuracy(XGBOOST.resolve("iris_multi.predictions.csv"), List.of("setosa", "versicolor", "virginica"), species), within(1e-12));
        assertThat(json.path("candidate").path("metrics").path("accuracy").asDouble())
                .isCloseTo(accuracy(ONNX.resolve("tribuo_iris.predictions.csv"), List.of("virginica", "setosa", "versicolor"), species), within(1e-12));
        assertThat(json.toString()).contains("onnx:").contains("xgboost:");
    }

    @Test
    void explainsAndProbesAModelBehindAnHttpEndpoint() throws Exception {
        int[] port = new int[1];
        Process server = HttpModelScanTest.server(XGBOOST.resolve("credit_binary.json"), List.of(), port);
        try {
            String url = "http://127.0.0.1:" + port[0] + "/v2/models/credit/infer";
            List<String> lines = Files.readAllLines(Datasets.tabular("credit_data.csv"));
            Path test = Files.write(dir.resolve("test.csv"), lines.subList(0, 401));
            Path config = XGBOOST.resolve("credit_binary.config.json");
            Cli scan = run("scan", "--data", Datasets.tabular("credit_data.csv").toString(), "--test", test.toString(),
                    "--target", "Status", "--model", url, "--model-config", config.toString());
            assertThat(scan.exit()).as(scan.err()).isZero();
            JsonNode first = failures().get(0);
            Cli explain = run("explain", "--run", "latest", "--failure", first.path("id").asText());
            assertThat(explain.exit()).as(explain.err()).isZero();
            assertThat(explain.out()).contains("explained 1 failure with kernelshap");
            JsonNode e = failures().get(0).path("attributions").get(0);
            assertThat(e.path("value").asDouble()).isCloseTo(first.path("probabilities").path(first.path("predicted").asText()).asDouble(),
                    within(1e-6));

            Cli probe = run("probe", "--data", Datasets.tabular("credit_data.csv").toString(), "--test", test.toString(),
                    "--target", "Status", "--model", url, "--model-config", config.toString());
            assertThat(probe.exit()).as(probe.err()).isZero();
            JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
            assertThat(report.path("probes").size()).isGreaterThanOrEqualTo(6);
            assertThat(report.path("probes").get(0).path("rows").asInt()).isEqualTo(400);
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void scansAnOnnxTextModelThroughItsDeclaredTokenizer() throws IOException {
        try (var in = getClass().getClassLoader().getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
            Files.copy(in, dir.resolve("tokenizer.json"));
        }
        Path config = Files.writeString(dir.resolve("text.config.json"),
                "{\"tokenizer\": \"huggingface:tokenizer.json\", \"features\": [\"text\"]}");
        Path sentiment = Datasets.tabular("iris.csv").getParent().resolveSibling("text").resolve("sentiment_sentences.csv");
        Cli scan = run("scan", "--data", sentiment.toString(), "--target", "label", "--model", "onnx:" + ONNX.resolve("text_tokens.onnx"),
                "--model-config", config.toString());
        assertThat(scan.exit()).as(scan.err()).isZero();
        assertThat(scan.err()).doesNotContain("SLF4J");
        assertThat(scan.out()).contains("3000 scored rows");
        List<String> rows = Files.readAllLines(dir.resolve("out/predictions.csv"));
        List<String> reference = Files.readAllLines(ONNX.resolve("text_tokens.predictions.csv"));
        assertThat(rows).hasSize(3001);
        int column = List.of(rows.get(0).split(",")).indexOf("p_1");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            double expected = Double.parseDouble(reference.get(Integer.parseInt(f[0])).split(",")[1]);
            assertThat(Double.parseDouble(f[column])).isCloseTo(expected, within(1e-5));
        }
        Cli inspect = Cli.run("model", "inspect", "--model", "onnx:" + ONNX.resolve("text_tokens.onnx"), "--model-config", config.toString(),
                "--data", sentiment.toString(), "--target", "label");
        assertThat(inspect.exit()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("input_ids").contains("attention_mask").contains("column 'text'").contains("probabilities");
    }

    /** Accuracy of a fixture's reference probabilities (one row per line, classes in {@code order}). */
    private static double accuracy(Path reference, List<String> order, List<String> truth) throws IOException {
        List<String> lines = Files.readAllLines(reference);
        int right = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] p = lines.get(i).split(",");
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (Double.parseDouble(p[c]) > Double.parseDouble(p[best])) {
                    best = c;
                }
            }
            right += order.get(best).equals(truth.get(i)) ? 1 : 0;
        }
        return right / (double) lines.size();
    }
}
