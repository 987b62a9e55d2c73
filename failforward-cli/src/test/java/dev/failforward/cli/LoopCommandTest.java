package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureFilter;
import dev.failforward.log.FailureLog;
import dev.failforward.run.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code loop} through the command line on Telco churn: every round's scan and retrain are runs in the log,
 * linked to the loop and to each other; a kept candidate is where the next round starts; the page shows the
 * trajectory in a real browser with every value from the data escaped; the same on PostgreSQL with --redact.
 */
class LoopCommandTest {

    /** A payment method renamed to markup, so that the page must escape it wherever a slice quotes it. */
    static final String MARKUP = "<img src=x onerror=alert(7)> check";

    @TempDir
    static Path dir;
    static Path data;
    static String store;
    static Cli loop;
    static JsonNode json;

    @BeforeAll
    static void loopOnTelco() throws IOException {
        data = dir.resolve("telco <b>churn.csv");
        List<String> lines = Files.readAllLines(Datasets.tabular("telco_churn.csv")).stream()
                .map(l -> l.replace("\"Electronic check\"", "\"" + MARKUP + "\"")).toList();
        Files.write(data, lines);
        store = dir.resolve("ff.db").toString();
        loop = Cli.run("loop", "--data", data.toString(), "--target", "churn", "--rounds", "3", "--strategy", "reweight,clean",
                "--resamples", "300", "--out", dir.resolve("out").toString(), "--store", store);
        assertThat(loop.exit()).as(loop.err()).isZero();
        json = new ObjectMapper().readTree(dir.resolve("out/loop.json").toFile());
    }

    @Test
    void helpHasAnExample() {
        Cli help = Cli.run("loop", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--rounds").contains("--redact").contains("--store")
                .contains("failforward loop --data churn.csv --target churn");
    }

    @Test
    void everyRoundIsAScanAndARetrainLinkedInTheLog() {
        JsonNode rounds = json.path("rounds");
        assertThat(rounds.size()).isBetween(1, 3);
        assertThat(json.path("trajectory").size()).isEqualTo(rounds.size() + 1);
        String loopRun = json.path("run").asText();
        try (FailureLog log = Stores.open(store)) {
            assertThat(log.run(loopRun).orElseThrow().kind()).isEqualTo("loop");
            for (JsonNode round : rounds) {
                Run scan = log.run(round.path("scan_run").asText()).orElseThrow();
                Run retrain = log.run(round.path("retrain_run").asText()).orElseThrow();
                assertThat(scan.kind()).isEqualTo("scan");
                assertThat(retrain.kind()).isEqualTo("retrain");
                assertThat(scan.provenance().options()).containsEntry("loop", loopRun)
                        .containsEntry("round", round.path("round").asText());
                assertThat(retrain.provenance().options()).containsEntry("loop", loopRun)
                        .containsEntry("from_run", scan.id());
                // The retrain holds the verification rows, the same ones in every round.
                assertThat(retrain.predictionCount()).isEqualTo(json.path("rows").path("verification").asInt());
            }
        }
    }

    @Test
    void aCandidateIsKeptOnlyWhenTheGatePassesAndTheNextRoundStartsFromIt() {
        JsonNode rounds = json.path("rounds");
        try (FailureLog log = Stores.open(store)) {
            for (int i = 0; i < rounds.size(); i++) {
                JsonNode round = rounds.get(i);
                JsonNode retrain = round.path("retrain");
                String kept = round.path("kept").isNull() ? null : round.path("kept").asText();
                assertThat(kept).isEqualTo(retrain.path("recommendation").path("strategy").isNull() ? null
                        : retrain.path("recommendation").path("strategy").asText());
                if (kept == null) {
                    // Nothing kept ends the loop; the trajectory repeats the point before.
                    assertThat(i).isEqualTo(rounds.size() - 1);
                    assertThat(json.path("trajectory").get(i + 1).path("roc_auc").asDouble())
                            .isEqualTo(json.path("trajectory").get(i).path("roc_auc").asDouble());
                    if (rounds.size() < 3) {
                        assertThat(json.path("stopped").asText()).contains("kept the current model");
                    }
                    continue;
                }
                JsonNode candidate = null;
                for (JsonNode s : retrain.path("strategies")) {
                    if (s.path("strategy").asText().equals(kept)) {
                        candidate = s;
                    }
                }
                assertThat(candidate).isNotNull();
                assertThat(candidate.path("gate").path("verdict").asText()).isEqualTo("pass");
                assertThat(candidate.path("improved").asBoolean()).isTrue();
                assertThat(candidate.path("targeted").path("holm_p_value").asDouble()).isLessThan(0.05);
                String fingerprint = candidate.path("model_fingerprint").asText();
                assertThat(json.path("trajectory").get(i + 1).path("model_fingerprint").asText()).isEqualTo(fingerprint);
                assertThat(json.path("trajectory").get(i + 1).path("roc_auc").asDouble())
                        .isEqualTo(candidate.path("primary_metric").path("candidate").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
                if (i + 1 < rounds.size()) {
                    // The next round's scan trained the kept candidate again from its training rows: the same model.
                    Run next = log.run(rounds.get(i + 1).path("scan_run").asText()).orElseThrow();
                    assertThat(next.modelFingerprint()).isEqualTo(fingerprint);
                    assertThat(next.provenance().options().get("training_from")).contains(round.path("retrain_run").asText());
                }
            }
        }
    }

    @Test
    void thePageChartsTheTrajectoryWithEveryValueEscaped() throws Exception {
        Path html = dir.resolve("out/loop.html");
        String page = Files.readString(html);
        assertThat(page).doesNotContain("<img src=x").doesNotContain("<b>churn");
        String dom = Chromium.run(dir, "--dump-dom", html.toUri().toString());
        Path kept = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("loop-dom.html");
        Files.writeString(kept, dom);
        assertThat(dom).as("kept in %s", kept).contains("roc_auc per round", "failure rate per round",
                "targeted-slice failure rate per round", "probe flip rate per round", "telco &lt;b&gt;churn.csv",
                json.path("rounds").get(0).path("scan_run").asText(), json.path("rounds").get(0).path("retrain_run").asText());
        assertThat(count(dom, "<svg")).isEqualTo(4);
        assertThat(dom).doesNotContain("<img").doesNotContain("<b>churn");
        if (json.path("targeted_slices").toString().contains("onerror")) {
            assertThat(dom).contains("&lt;img src=x onerror=alert(7)&gt; check");
        }
    }

    @Test
    void redactsAndStoresOnPostgres() throws Exception {
        String base = System.getenv("FAILFORWARD_TEST_POSTGRES");
        assertThat(base).as("FAILFORWARD_TEST_POSTGRES must name the PostgreSQL test database, e.g. "
                + "jdbc:postgresql://localhost:5432/failforward_test?user=failforward&password=failforward").isNotBlank();
        String schema = "ff_loop_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(base, "CREATE SCHEMA " + schema);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            Path out = dir.resolve("pg");
            Cli pg = Cli.run("loop", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                    "--rounds", "1", "--strategy", "reweight", "--detectors", "weak-slice", "--resamples", "200",
                    "--redact", "payment_method", "--out", out.toString(), "--store", url);
            assertThat(pg.exit()).as(pg.err()).isZero();
            JsonNode j = new ObjectMapper().readTree(out.resolve("loop.json").toFile());
            assertThat(j.path("targeted_slices").toString()).doesNotContain("payment_method");
            try (FailureLog log = Stores.open(url)) {
                String scanRun = j.path("rounds").get(0).path("scan_run").asText();
                List<Failure> failures = log.failures(FailureFilter.ofRun(scanRun));
                assertThat(failures).isNotEmpty();
                assertThat(failures).allSatisfy(f -> assertThat(String.valueOf(f.input().get("payment_method")))
                        .doesNotContain("check").doesNotContain("transfer"));
                assertThat(log.run(j.path("run").asText()).orElseThrow().kind()).isEqualTo("loop");
            }
        } finally {
            execute(base, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        Cli rounds = Cli.run("loop", "--data", data.toString(), "--target", "churn", "--rounds", "0", "--store", store);
        assertThat(rounds.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(rounds.err()).contains("--rounds must be at least 1").hasLineCount(1);
        Cli model = Cli.run("loop", "--data", data.toString(), "--target", "churn", "--model", "xgboost:model.json",
                "--store", store);
        assertThat(model.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(model.err()).contains("--model xgboost:model.json").contains("builtin:gbm").hasLineCount(1);
        Cli missing = Cli.run("loop", "--data", dir.resolve("nope.csv").toString(), "--target", "churn", "--store", store);
        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("nope.csv").hasLineCount(1);
        Cli strategy = Cli.run("loop", "--data", data.toString(), "--target", "churn", "--strategy", "upweight", "--store", store);
        assertThat(strategy.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(strategy.err()).contains("unknown retrain strategy 'upweight'").hasLineCount(1);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
