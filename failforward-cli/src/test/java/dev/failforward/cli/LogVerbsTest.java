package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The log verbs over two demo runs with different models on the same split, and production capture. */
@Tag("slow")
class LogVerbsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RUN = Pattern.compile("Run (\\w{26})");

    @TempDir
    static Path dir;
    static String store;
    static String gbm;
    static String logistic;

    @BeforeAll
    static void twoDemoRuns() {
        store = dir.resolve("ff.db").toString();
        gbm = runId(Cli.run("demo", "--no-retrain", "--out", dir.resolve("a").toString(), "--store", store));
        logistic = runId(Cli.run("demo", "--no-retrain", "--model", "builtin:logistic", "--out", dir.resolve("b").toString(), "--store", store));
    }

    private static String runId(Cli cli) {
        assertThat(cli.exit()).as(cli.err()).isZero();
        Matcher m = RUN.matcher(cli.out());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static List<JsonNode> jsonl(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.lines().toList()) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void diffCountsAddUpToEachRunsFailures() throws IOException {
        Cli diff = Cli.run("log", "diff", gbm, logistic, "--format", "json", "--store", store);
        assertThat(diff.exit()).as(diff.err()).isZero();
        JsonNode d = JSON.readTree(diff.out());
        int a = jsonl(Cli.run("log", "list", "--run", gbm, "--format", "jsonl", "--store", store).out()).size();
        int b = jsonl(Cli.run("log", "list", "--run", logistic, "--format", "jsonl", "--store", store).out()).size();
        assertThat(d.path("failures_a").asInt()).isEqualTo(a);
        // Same split: every row is evaluated in both runs, so nothing is incomparable.
        assertThat(d.path("not_comparable_a").asInt()).isZero();
        assertThat(d.path("not_comparable_b").asInt()).isZero();
        assertThat(d.path("fixed").asInt() + d.path("persisting").asInt()).isEqualTo(a);
        assertThat(d.path("new").asInt() + d.path("persisting").asInt()).isEqualTo(b);
        assertThat(d.path("new").asInt()).isPositive();
        assertThat(d.path("fixed").asInt()).isPositive();
        assertThat(d.path("persisting").asInt()).isPositive();
        JsonNode holdout = d.path("slices").path("holdout");
        assertThat(holdout.path("new").asInt()).isEqualTo(d.path("new").asInt());

        Cli byContract = Cli.run("log", "diff", gbm, logistic, "--by", "contract", "--store", store);
        assertThat(byContract.out()).contains("Month-to-month").contains("Two year").contains("new in B: " + d.path("new").asInt());
        // Recurrence in B is the persisting part.
        Cli recurring = Cli.run("log", "list", "--run", logistic, "--recurrence", "recurring", "--format", "jsonl", "--store", store);
        assertThat(jsonl(recurring.out())).hasSize(d.path("persisting").asInt()).allMatch(n -> n.path("recurrence").asText().equals("recurring"));
    }

    @Test
    void listFiltersShowTriageAndHistory() throws IOException {
        List<JsonNode> mtm = jsonl(Cli.run("log", "list", "--run", gbm, "--where", "contract = 'Month-to-month' AND tenure < 6",
                "--sort", "loss", "--format", "jsonl", "--store", store).out());
        assertThat(mtm).isNotEmpty().allMatch(n -> n.path("input").path("contract").asText().equals("Month-to-month")
                && n.path("input").path("tenure").asDouble() < 6 && n.path("triage").asText().equals("open"));
        for (int i = 1; i < mtm.size(); i++) {
            assertThat(mtm.get(i).path("loss").asDouble()).isLessThanOrEqualTo(mtm.get(i - 1).path("loss").asDouble());
        }
        Cli bad = Cli.run("log", "list", "--where", "contract = 'x' OR 1=1 --", "--store", store);
        assertThat(bad.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--where: column");

        String id = mtm.get(0).path("id").asText();
        Cli triage = Cli.run("log", "triage", id, "--status", "wont-fix", "--cause", "label_noise", "--note", "<b>odd</b> row",
                "--by", "ana", "--store", store);
        assertThat(triage.exit()).as(triage.err()).isZero();
        Cli again = Cli.run("log", "triage", id, "--status", "fixed", "--by", "bo", "--store", store);
        assertThat(again.exit()).isZero();
        JsonNode shown = JSON.readTree(Cli.run("log", "show", id, "--format", "json", "--store", store).out());
        assertThat(shown.path("triage").asText()).isEqualTo("fixed");
        assertThat(shown.path("triage_history")).hasSize(2);
        assertThat(shown.path("triage_history").get(0).path("who").asText()).isEqualTo("ana");
        assertThat(shown.path("triage_history").get(0).path("cause").asText()).isEqualTo("label_noise");
        assertThat(shown.path("history").size()).isBetween(1, 2);
        Cli text = Cli.run("log", "show", id, "--store", store);
        assertThat(text.out()).contains("expected:").contains("contract = Month-to-month").contains("ana").contains("wont-fix");
        assertThat(jsonl(Cli.run("log", "list", "--triage", "fixed", "--format", "jsonl", "--store", store).out()))
                .extracting(n -> n.path("fingerprint").asText()).containsOnly(shown.path("fingerprint").asText());
        // csv carries the same two states as the JSON, in the last columns.
        List<de.siegmar.fastcsv.reader.CsvRecord> csv = de.siegmar.fastcsv.reader.CsvReader.builder()
                .ofCsvRecord(Cli.run("log", "list", "--run", gbm, "--format", "csv", "--store", store).out()).stream().toList();
        assertThat(csv.get(0).getFields()).endsWith("recurrence", "triage", "triage_cause");
        assertThat(csv).filteredOn(r -> r.getField(0).equals(id)).singleElement()
                .satisfies(r -> assertThat(r.getFields()).endsWith("new", "fixed", ""));
        assertThat(csv.subList(1, csv.size())).allMatch(r -> r.getField(r.getFieldCount() - 2).matches("open|fixed"));
        assertThat(Cli.run("log", "triage", id, "--status", "done", "--store", store).exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Cli.run("log", "show", "nope", "--store", store).exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void statsTableAndHtml() throws IOException {
        Cli stats = Cli.run("log", "stats", "--run", gbm, "--by", "contract", "--html", dir.resolve("s.html").toString(), "--store", store);
        assertThat(stats.exit()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("Month-to-month").contains("FAILURES");
        String html = Files.readString(dir.resolve("s.html"));
        assertThat(html).contains("<svg").contains("Month-to-month");
        Cli runs = Cli.run("log", "stats", "--by", "run", "--store", store);
        assertThat(runs.out()).contains(gbm).contains(logistic).contains("%");
        assertThat(Cli.run("log", "stats", "--by", "tenure", "--store", store).out()).contains("[");
    }

    @Test
    void reportOfAStoredRunHasTheSameMetrics() throws IOException {
        Cli report = Cli.run("report", "--run", gbm, "--out", dir.resolve("again").toString(), "--store", store);
        assertThat(report.exit()).as(report.err()).isZero();
        JsonNode original = JSON.readTree(dir.resolve("a/report.json").toFile());
        JsonNode rebuilt = JSON.readTree(dir.resolve("again/report.json").toFile());
        assertThat(rebuilt.path("metrics").path("roc_auc").asDouble())
                .isCloseTo(original.path("metrics").path("roc_auc").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(rebuilt.path("failures").path("count").asInt()).isEqualTo(original.path("failures").path("count").asInt());
        assertThat(Files.readAllLines(dir.resolve("again/predictions.csv"))).hasSize(2114);
    }

    @Test
    void exportWritesTheFailureSamplesWithTheirLabels() throws IOException {
        Path csv = dir.resolve("export.csv");
        Cli export = Cli.run("log", "export", "--run", gbm, "--where", "contract = 'Two year'", "--format", "csv",
                "--out", csv.toString(), "--store", store);
        assertThat(export.exit()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).contains("expected");
        long count = Cli.run("log", "list", "--run", gbm, "--where", "contract = 'Two year'", "--format", "jsonl", "--store", store)
                .out().lines().count();
        assertThat(export.out()).contains("Exported " + count + " failures");
        Path jsonl = dir.resolve("export.jsonl");
        Cli j = Cli.run("log", "export", "--run", logistic, "--format", "jsonl", "--out", jsonl.toString(), "--store", store);
        assertThat(j.exit()).isZero();
        assertThat(jsonl(Files.readString(jsonl))).allMatch(n -> n.has("expected") && n.has("input"));
    }

    @Test
    void ingestRecordsDisagreeingPairsOnceAndPurgeRemovesThem() throws IOException {
        Path db = dir.resolve("prod.db");
        Path predictions = dir.resolve("pred.jsonl");
        Path outcomes = dir.resolve("out.jsonl");
        StringBuilder p = new StringBuilder();
        StringBuilder o = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String predicted = i % 2 == 0 ? "Yes" : "No";
            p.append("{\"id\":\"e").append(i).append("\",\"timestamp\":\"2026-11-01T00:00:00Z\",\"features\":{\"tenure\":")
                    .append(i % 70).append(",\"contract\":\"Month-to-month\"},\"prediction\":\"").append(predicted)
                    .append("\",\"model\":\"churn-v1\"}\n");
            String actual = i % 8 == 0 ? (predicted.equals("Yes") ? "No" : "Yes") : predicted;
            o.append("{\"id\":\"e").append(i).append("\",\"outcome\":\"").append(actual).append("\"}\n");
        }
        Files.writeString(predictions, p);
        Files.writeString(outcomes, o);
        assertThat(Cli.run("log", "ingest", outcomes.toString(), "--store", db.toString()).exit()).isZero();
        Cli in = Cli.run("log", "ingest", predictions.toString(), "--store", db.toString());
        assertThat(in.out()).contains("200 pairs judged, 25 failures");
        Cli twice = Cli.run("log", "ingest", predictions.toString(), outcomes.toString(), "--store", db.toString());
        assertThat(twice.out()).contains("0 new, 200 already in the log; 0 pairs judged, 0 failures");
        assertThat(Cli.run("log", "list", "--origin", "production", "--format", "jsonl", "--store", db.toString()).out().lines())
                .hasSize(25);

        Files.writeString(dir.resolve("bad.jsonl"), "{\"id\":\"x\",\"prediction\":\"Yes\"}\n{\"id\":\"y\",\"colour\":1}\n");
        Cli bad = Cli.run("log", "ingest", dir.resolve("bad.jsonl").toString(), "--store", db.toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("bad.jsonl:2: unknown key 'colour'");

        Cli purge = Cli.run("log", "purge", "--before", "2999-01-01", "--store", db.toString());
        assertThat(purge.out()).contains("Purged 1 run");
        assertThat(Cli.run("log", "list", "--format", "jsonl", "--store", db.toString()).out()).isEmpty();
        assertThat(Cli.run("log", "runs", "--store", db.toString()).out()).contains("No runs");
    }

    @Test
    void redactedColumnsAreStoredAsKeyedHashesOnly() throws IOException {
        Path db = dir.resolve("redacted.db");
        Cli scan = Cli.run("scan", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--model", "builtin:logistic", "--redact", "contract", "--store", db.toString(), "--out", dir.resolve("r").toString());
        assertThat(scan.exit()).as(scan.err()).isZero();
        byte[] key = Files.readAllBytes(Path.of(db + ".key"));
        assertThat(key).hasSize(32);
        List<JsonNode> failures = jsonl(Cli.run("log", "list", "--format", "jsonl", "--store", db.toString()).out());
        assertThat(failures).isNotEmpty().allMatch(n -> n.path("input").path("contract").asText().matches("hmac:[0-9a-f]{32}"));
        assertThat(Files.readString(db.resolve("../r/report.json").normalize())).doesNotContain("Month-to-month");
        String hash = dev.failforward.failure.Redaction.of(key, List.of("contract")).hash("Month-to-month");
        assertThat(jsonl(Cli.run("log", "list", "--where", "contract = '" + hash + "'", "--format", "jsonl", "--store", db.toString()).out()))
                .isNotEmpty();
        assertThat(Cli.run("scan", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--redact", "nope", "--store", db.toString(), "--out", dir.resolve("r2").toString()).err()).contains("--redact: no column 'nope'");
    }

    @Test
    void ingestWithRedactStoresKeyedHashesOfTheListedFeatures() throws IOException {
        Path db = dir.resolve("prod-redacted.db");
        Path events = dir.resolve("redact-events.jsonl");
        StringBuilder e = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            e.append("{\"id\":\"r").append(i).append("\",\"timestamp\":\"2026-11-02T00:00:00Z\",\"features\":{\"email\":\"user")
                    .append(i).append("@example.org\",\"tenure\":").append(i).append("},\"prediction\":\"No\",\"model\":\"m\"}\n");
            e.append("{\"id\":\"r").append(i).append("\",\"outcome\":\"").append(i % 4 == 0 ? "Yes" : "No").append("\"}\n");
        }
        Files.writeString(events, e);
        Cli in = Cli.run("log", "ingest", events.toString(), "--redact", "email", "--store", db.toString());
        assertThat(in.exit()).as(in.err()).isZero();
        assertThat(in.out()).contains("40 pairs judged, 10 failures");
        List<JsonNode> failures = jsonl(Cli.run("log", "list", "--format", "jsonl", "--store", db.toString()).out());
        assertThat(failures).hasSize(10).allMatch(n -> n.path("input").path("email").asText().matches("hmac:[0-9a-f]{32}")
                && n.path("input").path("tenure").asInt() % 4 == 0);
        // No address is in the store, in any table; the key is beside it, not inside.
        Cli all = Cli.run("log", "list", "--format", "csv", "--store", db.toString());
        assertThat(all.out()).doesNotContain("@example.org");
        byte[] key = Files.readAllBytes(Path.of(db + ".key"));
        String hash = dev.failforward.failure.Redaction.of(key, List.of("email")).hash("user8@example.org");
        for (String file : List.of(db.toString(), db + "-wal")) {
            if (Files.exists(Path.of(file))) {
                assertThat(new String(Files.readAllBytes(Path.of(file)), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain("@example.org").doesNotContain(new String(key, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(jsonl(Cli.run("log", "list", "--where", "email = '" + hash + "'", "--format", "jsonl", "--store", db.toString()).out()))
                .singleElement().satisfies(n -> assertThat(n.path("input").path("tenure").asInt()).isEqualTo(8));
        Cli again = Cli.run("log", "ingest", events.toString(), "--redact", "email", "--store", db.toString());
        assertThat(again.out()).contains("0 pairs judged, 0 failures");
    }
}
