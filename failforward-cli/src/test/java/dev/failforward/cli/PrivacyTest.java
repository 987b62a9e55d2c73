package dev.failforward.cli;

import dev.failforward.failure.Redaction;
import dev.failforward.log.FailureLog;
import dev.failforward.run.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user asked to hide reaches no file FailForward writes, nor the terminal: the values of
 * redacted columns, the row-key column among them (the model trains on their hashes, so the saved
 * model holds none either), and credentials in a model endpoint's URL. Every file is read as bytes,
 * as {@code strings} would.
 */
class PrivacyTest {

    private static final int ROWS = 800;

    @TempDir
    Path dir;

    @Test
    void redactedColumnsAndTheRowKeyReachNoFileAndTheModelTrainsOnTheirHashes() throws IOException {
        Path data = dir.resolve("in").resolve("pii.csv");
        Files.createDirectories(data.getParent());
        List<String> telco = Files.readAllLines(Datasets.tabular("telco_churn.csv"));
        List<String> lines = new ArrayList<>();
        lines.add("email,city," + telco.get(0));
        for (int i = 1; i <= ROWS; i++) {
            lines.add("secretuser" + i + "@privmail.example,Quuxville" + (i % 40) + "," + telco.get(i));
        }
        Files.write(data, lines);
        Path work = dir.resolve("work");
        String store = work.resolve("s.db").toString();
        Cli scan = Cli.run("scan", "--data", data.toString(), "--target", "churn", "--id", "email", "--redact", "email,city",
                "--store", store, "--out", work.resolve("out").toString(), "--probes", "default");
        assertThat(scan.exit()).as(scan.err()).isLessThanOrEqualTo(1);
        Cli list = Cli.run("log", "list", "--run", "latest", "--format", "csv", "--limit", "100000", "--store", store);
        Cli runs = Cli.run("log", "runs", "--store", store);
        Cli stats = Cli.run("log", "stats", "--run", "latest", "--by", "city", "--store", store);
        for (Cli c : List.of(scan, list, runs, stats)) {
            assertThat(c.out() + c.err()).doesNotContain("privmail").doesNotContain("Quuxville");
        }
        assertThat(list.out().lines().skip(1).toList()).isNotEmpty()
                .allSatisfy(row -> assertThat(row).contains("hmac:"));
        List<Path> written = files(work);
        assertThat(written).extracting(p -> p.getFileName().toString())
                .contains("s.db", "report.json", "report.html", "predictions.csv")
                .anyMatch(name -> name.endsWith(".model"));
        for (Path file : written) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(file.toString()).doesNotContain("privmail").doesNotContain("Quuxville");
        }
        List<String> predictions = Files.readAllLines(work.resolve("out/predictions.csv"));
        assertThat(predictions.subList(1, predictions.size())).allMatch(row -> row.matches("\"?hmac:[0-9a-f]{32}\"?,.*"));
        // Filters still group by the hidden value: one city's failures are found by its hash.
        String hash = Redaction.of(Files.readAllBytes(Path.of(store + ".key")), List.of("city")).hash("Quuxville3");
        Cli city = Cli.run("log", "list", "--where", "city = '" + hash + "'", "--format", "csv", "--store", store);
        assertThat(city.out().lines().skip(1).toList()).isNotEmpty().allMatch(row -> row.contains(hash));
    }

    @Test
    void credentialsInAModelEndpointUrlAreMaskedEverywhere() throws IOException {
        int[] port = new int[1];
        Process server = HttpModelScanTest.server(HttpModelScanTest.MODEL, List.of(), port);
        Path work = dir.resolve("work");
        String store = work.resolve("ff.db").toString();
        try {
            Path config = Files.writeString(dir.resolve("endpoint.json"), "{\"endpoint\": {\"batch_size\": 64}}");
            String url = "http://alice:S3cretM1@127.0.0.1:" + port[0] + "/v2/models/cancer/infer?api_key=TOKEN9Z";
            Cli scan = Cli.run("scan", "--data", Datasets.tabular("breast_cancer.csv").toString(), "--target", "diagnosis",
                    "--model", url, "--model-config", config.toString(), "--out", work.resolve("out").toString(), "--store", store);
            assertThat(scan.exit()).as(scan.err()).isZero();
            Cli runs = Cli.run("log", "runs", "--store", store);
            for (Cli c : List.of(scan, runs)) {
                assertThat(c.out() + c.err()).doesNotContain("S3cretM1").doesNotContain("TOKEN9Z");
            }
            assertThat(scan.out()).contains("http://alice:***@127.0.0.1:" + port[0] + "/v2/models/cancer/infer?api_key=***");
            for (Path file : files(work)) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.toString()).doesNotContain("S3cretM1").doesNotContain("TOKEN9Z");
            }
            try (FailureLog log = Stores.open(store)) {
                Run run = log.runs().get(0);
                assertThat(run.modelId()).isEqualTo("http://alice:***@127.0.0.1:" + port[0] + "/v2/models/cancer/infer?api_key=***");
                assertThat(run.modelPath()).isEqualTo(run.modelId());
            }
        } finally {
            server.destroyForcibly();
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".key")).toList();
        }
    }
}
