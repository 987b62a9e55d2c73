package dev.failforward.cli;

import dev.failforward.failure.PredictionRecord;
import dev.failforward.store.JdbcFailureLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code log stats --by COLUMN} as failure rates: a category's rate equals its failures over its
 * evaluated rows counted from the CSV file, the HTML chart shows a hostile category as text in a
 * real browser, a run without counts (as stored before they existed) is named in a note, and
 * redacted columns never put a clear value into the counts.
 */
@Tag("slow")
class LogStatsRatesTest {

    private static final Pattern RUN = Pattern.compile("Run (\\w{26})");
    private static final int CONTRACT = 15;

    @TempDir
    static Path dir;
    static Path telco;
    static String store;
    static String run;

    @BeforeAll
    static void scanTelco() {
        telco = Datasets.tabular("telco_churn.csv");
        store = dir.resolve("rates.db").toString();
        run = scan(telco, store, "a");
    }

    private static String scan(Path data, String db, String out, String... more) {
        List<String> args = new ArrayList<>(List.of("scan", "--data", data.toString(), "--target", "churn",
                "--model", "builtin:logistic", "--store", db, "--out", dir.resolve(out).toString()));
        args.addAll(List.of(more));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.exit()).as(cli.err()).isZero();
        Matcher m = RUN.matcher(cli.out());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void aCategorysRateIsItsFailuresOverItsEvaluatedRowsInTheCsv() throws IOException {
        List<String> lines = Files.readAllLines(telco);
        long rows = 0;
        long failures = 0;
        long evaluated;
        try (JdbcFailureLog log = JdbcFailureLog.open(store)) {
            List<PredictionRecord> predictions = log.predictions(run);
            evaluated = predictions.size();
            for (PredictionRecord p : predictions) {
                // A row's key is its 0-based index among the file's data rows (line 2 is row 0).
                String[] fields = lines.get(Integer.parseInt(p.rowKey()) + 1).replace("\"", "").split(",", -1);
                assertThat(fields[0]).as("the churn label of row " + p.rowKey()).isEqualTo(p.expected());
                if (fields[CONTRACT].equals("Month-to-month")) {
                    rows++;
                    failures += p.failure() ? 1 : 0;
                }
            }
        }
        assertThat(rows).isGreaterThan(300);
        assertThat(failures).isGreaterThan(30);
        Cli stats = Cli.run("log", "stats", "--run", run, "--by", "contract", "--store", store);
        assertThat(stats.exit()).as(stats.err()).isZero();
        String[] cells = row(stats.out(), "Month-to-month");
        assertThat(cells[1]).isEqualTo(Long.toString(rows));
        assertThat(cells[2]).isEqualTo(Long.toString(failures));
        assertThat(cells[3]).isEqualTo(String.format(Locale.ROOT, "%.2f%%", 100.0 * failures / rows));
        assertThat(row(stats.out(), "(all)")[1]).isEqualTo(Long.toString(evaluated));
        // The failures of the category are the ones the log lists for it.
        Cli count = Cli.run("log", "list", "--run", run, "--where", "contract = 'Month-to-month'", "--format", "jsonl", "--store", store);
        assertThat(count.out().lines().count()).isEqualTo(failures);
        assertThat(stats.out()).doesNotContain("Note:");

        Cli tenure = Cli.run("log", "stats", "--run", run, "--by", "tenure", "--store", store);
        assertThat(tenure.out()).contains("FAILURE RATE").containsPattern("\\[\\d+, \\d+\\)").containsPattern("\\[\\d+, \\d+\\]");
        assertThat(row(tenure.out(), "(all)")[1]).isEqualTo(Long.toString(evaluated));
    }

    @Test
    void theRateChartShowsAHostileCategoryAsTextInChromium() throws Exception {
        Path hostile = dir.resolve("hostile.csv");
        Files.writeString(hostile, Files.readString(telco).replace("\"Month-to-month\"", "\"<script>alert(1)</script>\""));
        String db = dir.resolve("hostile.db").toString();
        scan(hostile, db, "h");
        Path html = dir.resolve("contract.html");
        Cli stats = Cli.run("log", "stats", "--by", "contract", "--html", html.toString(), "--store", db);
        assertThat(stats.exit()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("<script>alert(1)</script>").contains("HTML: ");
        String page = Files.readString(html);
        assertThat(page).contains("stroke-dasharray=\"6 4\"").contains("overall ");
        String dom = Chromium.run(dir, "--dump-dom", html.toUri().toString());
        assertThat(dom).contains("Failure rate by contract").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(dom).as("no script element in the page").doesNotContainIgnoringCase("<script");
        assertThat(dom).contains("<svg").contains("failure rate (%)");
    }

    @Test
    void runsWithoutCountsAreNamedAndShowFailureCounts() throws SQLException {
        String db = dir.resolve("old.db").toString();
        String old = scan(telco, db, "o1");
        // A run as a log before schema version 31 stored it: no counts per value.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("DELETE FROM run_values")).isPositive();
        }
        Cli alone = Cli.run("log", "stats", "--by", "contract", "--store", db);
        assertThat(alone.exit()).as(alone.err()).isZero();
        assertThat(alone.out()).contains("Failure rates by 'contract' are not available: run " + old)
                .contains("FAILURES").contains("SHARE").contains("Month-to-month").doesNotContain("ROWS");

        String fresh = scan(telco, db, "o2", "--seed", "7");
        Cli pooled = Cli.run("log", "stats", "--by", "contract", "--store", db);
        assertThat(pooled.exit()).as(pooled.err()).isZero();
        assertThat(pooled.out()).contains("FAILURE RATE").contains("over run " + fresh)
                .contains("Note: run " + old + " did not record");
    }

    @Test
    void redactedColumnsNeverPutAClearValueIntoTheCounts() throws Exception {
        Path db = dir.resolve("redacted.db");
        String id = scan(telco, db.toString(), "r", "--redact", "contract,monthly_charges");
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT name, value_text, low FROM run_values WHERE name IN ('contract', 'monthly_charges')")) {
            while (r.next()) {
                assertThat(r.getString(1)).isEqualTo("contract");
                assertThat(r.getObject(3)).isNull();
                values.add(r.getString(2));
            }
        }
        assertThat(values).hasSize(3).allMatch(v -> v.matches("hmac:[0-9a-f]{32}"));
        for (String file : List.of(db.toString(), db + "-wal")) {
            if (Files.exists(Path.of(file))) {
                assertThat(new String(Files.readAllBytes(Path.of(file)), StandardCharsets.ISO_8859_1)).doesNotContain("Month-to-month");
            }
        }
        byte[] key = Files.readAllBytes(Path.of(db + ".key"));
        String hash = dev.failforward.failure.Redaction.of(key, List.of("contract")).hash("Month-to-month");
        Cli stats = Cli.run("log", "stats", "--run", id, "--by", "contract", "--store", db.toString());
        assertThat(stats.out()).contains(hash).contains("FAILURE RATE").doesNotContain("Month-to-month");
        Cli charges = Cli.run("log", "stats", "--run", id, "--by", "monthly_charges", "--store", db.toString());
        assertThat(charges.exit()).isZero();
        assertThat(charges.out()).contains("Failure rates by 'monthly_charges' are not available");
    }

    @Test
    void anIngestCountsTheJudgedPairsFeatures() throws IOException {
        Path events = dir.resolve("events.jsonl");
        StringBuilder e = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            String plan = i % 3 == 0 ? "basic" : "pro";
            e.append("{\"id\":\"e").append(i).append("\",\"timestamp\":\"2026-11-02T00:00:00Z\",\"features\":{\"plan\":\"")
                    .append(plan).append("\",\"usage\":").append(i).append("},\"prediction\":\"No\",\"model\":\"m\"}\n");
            // basic: every other pair disagrees; pro: one in ten
            boolean wrong = plan.equals("basic") ? i % 2 == 0 : i % 10 == 1;
            e.append("{\"id\":\"e").append(i).append("\",\"outcome\":\"").append(wrong ? "Yes" : "No").append("\"}\n");
        }
        Files.writeString(events, e);
        String db = dir.resolve("prod.db").toString();
        Cli in = Cli.run("log", "ingest", events.toString(), "--store", db);
        assertThat(in.exit()).as(in.err()).isZero();
        Cli stats = Cli.run("log", "stats", "--by", "plan", "--store", db);
        assertThat(stats.exit()).as(stats.err()).isZero();
        long basicRows = 20;
        long basicWrong = java.util.stream.IntStream.range(0, 60).filter(i -> i % 3 == 0 && i % 2 == 0).count();
        long proWrong = java.util.stream.IntStream.range(0, 60).filter(i -> i % 3 != 0 && i % 10 == 1).count();
        assertThat(row(stats.out(), "basic")).containsExactly("basic", Long.toString(basicRows), Long.toString(basicWrong),
                String.format(Locale.ROOT, "%.2f%%", 100.0 * basicWrong / basicRows),
                String.format(Locale.ROOT, "%.1f%%", 100.0 * basicWrong / (basicWrong + proWrong)));
        assertThat(row(stats.out(), "pro")[1]).isEqualTo("40");
        assertThat(row(stats.out(), "pro")[2]).isEqualTo(Long.toString(proWrong));
        Cli usage = Cli.run("log", "stats", "--by", "usage", "--store", db);
        assertThat(row(usage.out(), "(all)")[1]).isEqualTo("60");
    }

    /** The cells of the table row whose first cell is {@code first}, split on runs of two or more spaces. */
    private static String[] row(String out, String first) {
        return out.lines().filter(l -> l.startsWith(first + "  ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in\n" + out)).trim().split("\\s{2,}");
    }
}
