package dev.failforward.cli;

import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.failure.ScoredRow;
import dev.failforward.log.FailureLog;
import dev.failforward.run.Run;
import dev.failforward.run.RunStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scan --model http://…} against a real server process that starts answering 500 for good
 * mid-scan: the scan exits 3 with one line naming the status, the body and the run; the rows answered
 * before are in the store with the incomplete run (failures among them); {@code scan --resume}
 * against the server back on its port sends only the other rows, and the completed run holds the same
 * predictions and failures as an uninterrupted scan. The model is the Python-made XGBoost credit model
 * (4454 rows, categories coded by the mapping file), served over the Open Inference Protocol.
 */
@Tag("slow")
class HttpModelResumeTest {

    static final Path MODELS = HttpModelScanTest.ROOT.resolve("failforward-models/src/test/resources/xgboost");

    @TempDir
    Path dir;

    private Cli scan(String url, String... more) throws IOException {
        String categories = Files.readString(MODELS.resolve("credit_binary.config.json")).strip();
        Path config = Files.writeString(dir.resolve("endpoint.json"), "{\"endpoint\": {\"batch_size\": 500, \"concurrency\": 2, "
                + "\"retries\": 1}, " + categories.substring(1));
        List<String> args = new ArrayList<>(List.of("scan", "--data", Datasets.tabular("credit_data.csv").toString(),
                "--target", "Status", "--model", url, "--model-config", config.toString(),
                "--out", dir.resolve("out").toString(), "--store", dir.resolve("ff.db").toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private Process server(int port, String... options) throws IOException {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of("--port", Integer.toString(port)));
        return HttpModelScanTest.server(MODELS.resolve("credit_binary.json"), all, new int[1]);
    }

    @Test
    void rowsScoredBeforeTheEndpointFailsAreKeptAndResumeScoresOnlyTheRest() throws Exception {
        int[] port = new int[1];
        Process healthy = HttpModelScanTest.server(MODELS.resolve("credit_binary.json"), List.of(), port);
        String url = "http://127.0.0.1:" + port[0] + "/v2/models/credit/infer";
        Cli clean;
        try {
            clean = scan(url);
        } finally {
            healthy.destroyForcibly().waitFor();
        }
        assertThat(clean.exit()).as(clean.err()).isZero();

        // Requests 5 and later get 500: batches 0-3 (2000 rows) are answered, whichever order they run in.
        Process failing = server(port[0], "--status", "500", "--fail-from", "5");
        Cli broken;
        try {
            broken = scan(url);
        } finally {
            failing.destroyForcibly().waitFor();
        }
        assertThat(broken.exit()).isEqualTo(ExitCodes.PART_FAILED);
        List<String> errors = broken.err().lines().filter(l -> l.startsWith("failforward:")).toList();
        assertThat(errors).singleElement().asString().contains("HTTP 500").contains("model is loading")
                .contains("after 2 attempts").contains("left incomplete with 2000 of 4454 rows scored and kept");
        assertThat(broken.out()).doesNotContain("report:");

        String runId;
        List<PredictionRecord> reference;
        List<Failure> referenceFailures;
        try (FailureLog log = Stores.open(dir.resolve("ff.db").toString())) {
            List<Run> runs = log.runs();
            assertThat(runs).extracting(Run::status).containsExactly(RunStatus.COMPLETE, RunStatus.INCOMPLETE);
            runId = runs.get(1).id();
            assertThat(errors.get(0)).contains("--resume " + runId);
            reference = log.predictions(runs.get(0).id());
            referenceFailures = log.failures(FailureFilter.ofRun(runs.get(0).id()));
            List<ScoredRow> kept = log.progress(runId);
            assertThat(kept).extracting(ScoredRow::position).containsExactlyElementsOf(IntStream.range(0, 2000).boxed().toList());
            assertThat(kept).extracting(ScoredRow::prediction).containsExactlyElementsOf(reference.subList(0, 2000));
            assertThat(kept.stream().filter(r -> r.prediction().failure()).count()).isGreaterThan(100);
        }

        Path requests = dir.resolve("requests.log");
        Process back = server(port[0], "--log", requests.toString());
        Cli resumed;
        try {
            resumed = scan(url, "--resume", runId);
        } finally {
            back.destroyForcibly().waitFor();
        }
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("Run " + runId);
        assertThat(Files.readAllLines(requests).stream().mapToInt(Integer::parseInt).sum()).isEqualTo(4454 - 2000);
        try (FailureLog log = Stores.open(dir.resolve("ff.db").toString())) {
            Run run = log.run(runId).orElseThrow();
            Run cleanRun = log.runs().get(0);
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(run.metrics()).isEqualTo(cleanRun.metrics());
            assertThat(log.predictions(runId)).containsExactlyElementsOf(reference);
            assertThat(log.progress(runId)).isEmpty();
            List<Failure> failures = log.failures(FailureFilter.ofRun(runId));
            assertThat(failures).hasSameSizeAs(referenceFailures).hasSize(run.failureCount());
            for (int i = 0; i < failures.size(); i++) {
                assertThat(failures.get(i).fingerprint()).isEqualTo(referenceFailures.get(i).fingerprint());
                assertThat(failures.get(i).loss()).isEqualTo(referenceFailures.get(i).loss());
            }
        }
        Cli again = scan(url, "--resume", runId);
        assertThat(again.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("already complete");
    }
}
