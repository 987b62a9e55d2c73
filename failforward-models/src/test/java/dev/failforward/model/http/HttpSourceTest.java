package dev.failforward.model.http;

import dev.failforward.data.CsvTableReader;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.Model;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelSources;
import dev.failforward.model.ModelUnavailableException;
import dev.failforward.model.Predictions;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Models behind a real HTTP server process (the test's {@link EndpointServer}, serving the Python-made
 * XGBoost breast-cancer model): both protocols give xgboost's probabilities, and a server that answers
 * 503 for a while, hangs or dies is retried, timed out and reported with its status and body.
 */
@Tag("slow")
class HttpSourceTest {

    static final Path MODEL = Path.of("src/test/resources/xgboost/breast_cancer.json");

    static Table cancer() {
        return new CsvTableReader().read(Path.of(System.getProperty("failforward.root", "..")).resolve("datasets/tabular/breast_cancer.csv"),
                ReadOptions.DEFAULT);
    }

    static Predictions score(String url, Map<String, Double> endpoint) {
        ModelConfig config = new ModelConfig(List.of(), Map.of(), List.of(), null, Map.of(), null, null, endpoint);
        ExternalModel loaded = ModelSources.find(url).orElseThrow().load(url, config);
        ScanData prepared = ScanData.forModel(cancer(), ScanSpec.of("diagnosis"), loaded.task(), loaded.classes(), loaded.classCount());
        Model model = loaded.bind(prepared.target(), prepared.test());
        return model.predict(prepared.test());
    }

    static void assertMatchesXgboost(Predictions p) throws IOException {
        List<String> ref = Files.readAllLines(Path.of("src/test/resources/xgboost/breast_cancer.predictions.csv"));
        assertThat(p.rows()).isEqualTo(569);
        assertThat(p.classes()).containsExactly("benign", "malignant");
        for (int i = 0; i < 569; i++) {
            assertThat(p.probability(i, 1)).as("row %d", i).isCloseTo(Double.parseDouble(ref.get(i)), within(1e-6));
        }
    }

    @Test
    void openInferenceProtocolInConcurrentBatches() throws IOException {
        try (RunningServer server = RunningServer.start(MODEL)) {
            assertMatchesXgboost(score(server.url("/v2/models/cancer/infer"), Map.of("batch_size", 50.0, "concurrency", 3.0)));
        }
    }

    @Test
    void mlflowDataframeSplit() throws IOException {
        try (RunningServer server = RunningServer.start(MODEL)) {
            assertMatchesXgboost(score(server.url("/invocations"), Map.of("batch_size", 200.0)));
        }
    }

    @Test
    void unavailableForAWhileIsRetried() throws IOException {
        try (RunningServer server = RunningServer.start(MODEL, "--status", "503", "--fail-first", "3")) {
            assertMatchesXgboost(score(server.url("/v2/models/cancer/infer"), Map.of("batch_size", 300.0, "concurrency", 1.0, "retries", 4.0)));
        }
    }

    @Test
    void failingForGoodNamesStatusAndBody() throws IOException {
        try (RunningServer server = RunningServer.start(MODEL, "--status", "500", "--fail-first", "1000")) {
            assertThatThrownBy(() -> score(server.url("/v2/models/cancer/infer"), Map.of("retries", 2.0)))
                    .isInstanceOf(ModelUnavailableException.class)
                    .hasMessageContaining("after 3 attempts").hasMessageContaining("HTTP 500")
                    .hasMessageContaining("model is loading, try again");
        }
        try (RunningServer server = RunningServer.start(MODEL, "--status", "400", "--fail-first", "1000")) {
            assertThatThrownBy(() -> score(server.url("/invocations"), Map.of()))
                    .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("HTTP 400").hasMessageNotContaining("attempts");
        }
    }

    @Test
    void hangingPastTheTimeoutFails() throws IOException {
        try (RunningServer server = RunningServer.start(MODEL, "--hang-at", "2")) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> score(server.url("/v2/models/cancer/infer"),
                    Map.of("batch_size", 100.0, "concurrency", 1.0, "timeout_seconds", 0.5, "retries", 0.0)))
                    .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("no answer within 0.5 s");
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(20);
        }
    }

    @Test
    void serverDyingMidScanIsAConnectionFailure() throws IOException {
        try (RunningServer server = RunningServer.start(MODEL, "--die-at", "3")) {
            assertThatThrownBy(() -> score(server.url("/v2/models/cancer/infer"), Map.of("batch_size", 100.0, "concurrency", 1.0, "retries", 2.0)))
                    .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("connection failed");
        }
    }

    @Test
    void urlsThatAreNeitherProtocolAreRefused() {
        assertThatThrownBy(() -> ModelSources.find("http://127.0.0.1:1/predict").orElseThrow().load("http://127.0.0.1:1/predict", ModelConfig.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/v2/models/NAME/infer").hasMessageContaining("/invocations");
    }
}
