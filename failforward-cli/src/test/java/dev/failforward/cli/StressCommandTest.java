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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** {@code probe --group/--time/--shift} on real Telco churn and credit data with the built-in GBM. */
@Tag("slow")
class StressCommandTest {

    @TempDir
    static Path dir;

    static Cli telco;
    static JsonNode report;

    @BeforeAll
    static void stressTelco() throws IOException {
        telco = Cli.run("probe", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--group", "contract", "--shift", "tenure:0.25", "--out", dir.resolve("out").toString(),
                "--store", dir.resolve("ff.db").toString());
        assertThat(telco.exit()).as(telco.err()).isZero();
        report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    @Test
    void leaveOneGroupOutHoldsOutEachContractAndMonthToMonthIsMuchWorse() {
        double random = report.path("metrics").path("accuracy").asDouble();
        Map<String, JsonNode> groups = new HashMap<>();
        int rows = 0;
        for (JsonNode s : report.path("stress")) {
            assertThat(s.path("random_split_value").asDouble()).isCloseTo(random, offset(1e-12));
            assertThat(s.path("drop").asDouble()).isCloseTo(random - s.path("value").asDouble(), offset(1e-12));
            assertThat(s.path("metric").asText()).isEqualTo("accuracy");
            assertThat(s.path("status").asText()).isEqualTo("ok");
            if (s.path("kind").asText().equals("leave-one-group-out")) {
                groups.put(s.path("group").asText(), s);
                rows += s.path("rows").asInt();
                assertThat(s.path("rows").asInt() + s.path("train_rows").asInt()).isEqualTo(7043);
            }
        }
        assertThat(groups).containsOnlyKeys("Month-to-month", "One year", "Two year");
        assertThat(rows).isEqualTo(7043);
        // Never having seen month-to-month customers, the model misses their churn: a real drop.
        assertThat(groups.get("Month-to-month").path("drop").asDouble()).isGreaterThan(0.1);
        assertThat(telco.out()).contains("leave-one-group-out", "Month-to-month");
    }

    @Test
    void aTestSetShiftedToShortTenureLosesAccuracy() {
        JsonNode shifted = null;
        for (JsonNode s : report.path("stress")) {
            if (s.path("kind").asText().equals("shifted")) {
                shifted = s;
            }
        }
        assertThat(shifted).isNotNull();
        assertThat(shifted.path("column").asText()).isEqualTo("tenure");
        assertThat(shifted.path("group").asText()).startsWith("tenure <= ");
        assertThat(shifted.path("rows").asInt()).isEqualTo(2113);
        assertThat(shifted.path("drop").asDouble()).isPositive();
    }

    @Test
    void misclassifiedRowsOfEachSplitAreLoggedWithTheirSplit() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (String kind : List.of("leave-one-group-out", "shifted")) {
            Cli list = Cli.run("log", "list", "--store", dir.resolve("ff.db").toString(), "--origin", "probe:" + kind,
                    "--format", "jsonl", "--limit", "100000");
            assertThat(list.exit()).as(list.err()).isZero();
            List<JsonNode> logged = new ArrayList<>();
            for (String line : list.out().lines().filter(l -> l.startsWith("{")).toList()) {
                logged.add(mapper.readTree(line));
            }
            int expected = 0;
            for (JsonNode s : report.path("stress")) {
                expected += s.path("kind").asText().equals(kind) ? s.path("failures").asInt() : 0;
            }
            assertThat(logged).hasSize(expected).isNotEmpty();
            for (JsonNode f : logged) {
                assertThat(f.path("expected").asText()).isNotEqualTo(f.path("predicted").asText());
                assertThat(f.path("probe_params").path("probe").asText()).isEqualTo(kind);
                assertThat(f.path("probe_params").path("column").asText()).isIn("contract", "tenure");
                if (kind.equals("leave-one-group-out")) {
                    assertThat(f.path("input").path("contract").asText()).isEqualTo(f.path("probe_params").path("group").asText());
                }
            }
        }
    }

    @Test
    void htmlHasTheStressChartAndTable() throws IOException {
        String html = Files.readString(dir.resolve("out/report.html"));
        int at = html.indexOf("id=\"stress\"");
        assertThat(at).isPositive();
        String section = html.substring(at, html.indexOf("</section>", at));
        assertThat(section).contains("<svg", "random split", "Month-to-month", "tenure &lt;= ");
    }

    @Test
    void timeSplitOnCreditDataInFileOrder() throws IOException {
        // No shared tabular dataset has a date column; credit_data gets its file row number as the time.
        List<String> lines = Files.readAllLines(Datasets.tabular("credit_data.csv"));
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + ",\"row\"");
        for (int i = 1; i < lines.size(); i++) {
            out.add(lines.get(i) + "," + (i - 1));
        }
        Path credit = dir.resolve("credit_rows.csv");
        Files.write(credit, out);
        Cli run = Cli.run("probe", "--data", credit.toString(), "--target", "Status", "--ignore", "row", "--time", "row",
                "--out", dir.resolve("credit").toString(), "--store", dir.resolve("credit.db").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode stress = new ObjectMapper().readTree(dir.resolve("credit/report.json").toFile()).path("stress");
        assertThat(stress.size()).isEqualTo(1);
        JsonNode t = stress.get(0);
        assertThat(t.path("kind").asText()).isEqualTo("time-split");
        assertThat(t.path("train_rows").asInt() + t.path("rows").asInt()).isEqualTo(4454);
        assertThat(t.path("train_rows").asInt()).isEqualTo(3117);
        assertThat(t.path("group").asText()).isEqualTo("from 3117");
        assertThat(t.path("value").asDouble()).isBetween(0.5, 1.0);
        Cli list = Cli.run("log", "list", "--store", dir.resolve("credit.db").toString(), "--origin", "probe:time-split",
                "--format", "jsonl", "--limit", "100000");
        List<String> logged = list.out().lines().filter(l -> l.startsWith("{")).toList();
        assertThat(logged).hasSize(t.path("failures").asInt()).isNotEmpty();
        for (String line : logged) {
            assertThat(new ObjectMapper().readTree(line).path("input").path("row").asInt()).isGreaterThanOrEqualTo(3117);
        }
    }

    @Test
    void aGroupWhoseClassTrainingNeverSawIsAnErrorResultAndExit3() throws IOException {
        Cli run = Cli.run("probe", "--data", Datasets.tabular("iris.csv").toString(), "--target", "species",
                "--group", "species", "--out", dir.resolve("iris").toString(), "--store", dir.resolve("iris.db").toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("is the target");
        Path iris = dir.resolve("iris_kind.csv");
        List<String> lines = Files.readAllLines(Datasets.tabular("iris.csv"));
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + ",kind");
        for (int i = 1; i < lines.size(); i++) {
            out.add(lines.get(i) + ",k_" + lines.get(i).substring(lines.get(i).lastIndexOf(',') + 1));
        }
        Files.write(iris, out);
        Cli grouped = Cli.run("probe", "--data", iris.toString(), "--target", "species", "--ignore", "kind",
                "--group", "kind", "--out", dir.resolve("iris").toString(), "--store", dir.resolve("iris.db").toString());
        assertThat(grouped.exit()).as(grouped.err()).isEqualTo(3);
        JsonNode stress = new ObjectMapper().readTree(dir.resolve("iris/report.json").toFile()).path("stress");
        assertThat(stress.size()).isEqualTo(3);
        for (JsonNode s : stress) {
            assertThat(s.path("status").asText()).isEqualTo("error");
            assertThat(s.path("error").asText()).contains("does not occur in the training data");
            assertThat(s.path("value").isNull()).isTrue();
        }
    }

    @Test
    void badStressOptionsExitWith2AndWriteNothing() {
        Path out = dir.resolve("bad");
        String data = Datasets.tabular("telco_churn.csv").toString();
        Cli unknown = Cli.run("probe", "--data", data, "--target", "churn", "--group", "nope", "--out", out.toString(),
                "--store", dir.resolve("bad.db").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("nope").contains("contract");
        Cli quantile = Cli.run("probe", "--data", data, "--target", "churn", "--shift", "tenure:2", "--out", out.toString(),
                "--store", dir.resolve("bad.db").toString());
        assertThat(quantile.exit()).isEqualTo(2);
        assertThat(quantile.err()).contains("between 0 and 1");
        Cli level = Cli.run("probe", "--data", data, "--target", "churn", "--shift", "contract:Weekly", "--out", out.toString(),
                "--store", dir.resolve("bad.db").toString());
        assertThat(level.exit()).isEqualTo(2);
        assertThat(level.err()).contains("Weekly").contains("Month-to-month");
        Cli groups = Cli.run("probe", "--data", data, "--target", "churn", "--max-groups", "3", "--out", out.toString(),
                "--store", dir.resolve("bad.db").toString());
        assertThat(groups.exit()).isEqualTo(2);
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("bad.db")).doesNotExist();
    }
}
