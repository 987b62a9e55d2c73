package dev.failforward.cli;

import dev.failforward.log.FailureLog;
import dev.failforward.run.Run;
import dev.failforward.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code scan --model http://127.0.0.1:PORT/…} against a real server process (failforward-models' test
 * server, serving the Python-made XGBoost breast-cancer model): a full scan, and a server that dies
 * mid-scan, which exits 3 with one clear line and leaves the run incomplete in the store.
 */
class HttpModelScanTest {

    static final Path ROOT = Path.of(System.getProperty("failforward.root", ".."));
    static final Path MODEL = ROOT.resolve("failforward-models/src/test/resources/xgboost/breast_cancer.json");

    @TempDir
    Path dir;

    private static Process server(List<String> options, int[] port) throws IOException {
        return server(MODEL, options, port);
    }

    /** Starts failforward-models' test server on {@code model}; {@code port[0]} receives its port. */
    static Process server(Path model, List<String> options, int[] port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path") + File.pathSeparator + ROOT.resolve("failforward-models/target/test-classes");
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, "dev.failforward.model.http.EndpointServer", model.toString()));
        command.addAll(options);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).as("test server start").startsWith("port ");
        port[0] = Integer.parseInt(line.substring(5).trim());
        return p;
    }

    private Cli scan(String url, String config) throws IOException {
        Path file = Files.writeString(dir.resolve("endpoint.json"), config);
        return Cli.run("scan", "--data", Datasets.tabular("breast_cancer.csv").toString(), "--target", "diagnosis",
                "--model", url, "--model-config", file.toString(), "--out", dir.resolve("out").toString(),
                "--store", dir.resolve("ff.db").toString());
    }

    @Test
    void scansEveryRowOverTheOpenInferenceProtocol() throws IOException {
        int[] port = new int[1];
        Process p = server(List.of(), port);
        try {
            String url = "http://127.0.0.1:" + port[0] + "/v2/models/cancer/infer";
            Cli cli = scan(url, "{\"endpoint\": {\"batch_size\": 64, \"concurrency\": 2}}");
            assertThat(cli.exit()).as(cli.err()).isZero();
            List<String> rows = Files.readAllLines(dir.resolve("out/predictions.csv"));
            List<String> ref = Files.readAllLines(ROOT.resolve("failforward-models/src/test/resources/xgboost/breast_cancer.predictions.csv"));
            assertThat(rows).hasSize(570);
            for (String row : rows.subList(1, rows.size())) {
                String[] f = row.split(",");
                assertThat(Double.parseDouble(f[6])).isCloseTo(Double.parseDouble(ref.get(Integer.parseInt(f[0]))), within(1e-6));
            }
            try (FailureLog log = Stores.open(dir.resolve("ff.db").toString())) {
                Run run = log.runs().get(0);
                assertThat(run.modelId()).isEqualTo(url);
                assertThat(run.modelPath()).isEqualTo(url);
                assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
            }
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aServerThatDiesMidScanLeavesAnIncompleteRunAndExitsThree() throws IOException {
        int[] port = new int[1];
        Process p = server(List.of("--die-at", "3"), port);
        try {
            Cli cli = scan("http://127.0.0.1:" + port[0] + "/invocations",
                    "{\"endpoint\": {\"batch_size\": 100, \"concurrency\": 1, \"retries\": 1}}");
            assertThat(cli.exit()).isEqualTo(3);
            List<String> errors = cli.err().lines().filter(l -> l.startsWith("failforward:")).toList();
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).contains("connection failed").contains("after 2 attempts")
                    .contains("left incomplete with 200 of 569 rows scored and kept");
            assertThat(Files.exists(dir.resolve("out/report.html"))).isFalse();
            try (FailureLog log = Stores.open(dir.resolve("ff.db").toString())) {
                Run run = log.runs().get(0);
                assertThat(log.runs()).singleElement().extracting(Run::status).isEqualTo(RunStatus.INCOMPLETE);
                // The two batches answered before the server died are kept, in row order.
                assertThat(log.progress(run.id())).extracting(r -> r.position()).containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, 200).boxed().toList());
                assertThat(log.predictions(run.id())).isEmpty();
            }
        } finally {
            p.destroyForcibly();
        }
    }
}
