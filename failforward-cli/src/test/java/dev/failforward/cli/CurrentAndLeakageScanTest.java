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
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scan --current FILE} (drift against production rows) and leakage in a scan of given
 * predictions, on Telco churn. The current file is Telco without its target and with every
 * monthly charge raised by 30 % (a price rise); the scored file adds a rule's predictions, a
 * customer number and a column copied from the target.
 */
@Tag("slow")
class CurrentAndLeakageScanTest {

    @TempDir
    Path dir;

    private static List<String[]> telco() throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(Datasets.tabular("telco_churn.csv"))) {
            out.add(line.split(",", -1));
        }
        return out;
    }

    /** Telco without 'churn', monthly charges × 1.3. */
    private Path current() throws IOException {
        List<String[]> rows = telco();
        int charges = List.of(rows.get(0)).indexOf("\"monthly_charges\"");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i).clone();
            if (i > 0) {
                f[charges] = String.format(Locale.ROOT, "%.2f", Double.parseDouble(f[charges]) * 1.3);
            }
            out.add(String.join(",", List.of(f).subList(1, f.length)));
        }
        Path file = dir.resolve("current.csv");
        Files.write(file, out);
        return file;
    }

    /** Telco with a rule's prediction, a customer number and a target copy ('churned_flag'). */
    private Path scored() throws IOException {
        List<String[]> rows = telco();
        List<String> header = List.of(rows.get(0));
        int contract = header.indexOf("\"contract\"");
        int tenure = header.indexOf("\"tenure\"");
        List<String> out = new ArrayList<>();
        out.add(String.join(",", rows.get(0)) + ",\"predicted\",\"customer\",\"churned_flag\"");
        for (int i = 1; i < rows.size(); i++) {
            String[] f = rows.get(i);
            boolean risky = f[contract].equals("\"Month-to-month\"") && Double.parseDouble(f[tenure]) < 12;
            String flag = f[0].equals("\"Yes\"") ? "1" : "0";
            out.add(String.join(",", f) + ",\"" + (risky ? "Yes" : "No") + "\"," + (100000 + i) + "," + flag);
        }
        Path file = dir.resolve("scored.csv");
        Files.write(file, out);
        return file;
    }

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    private static JsonNode detector(JsonNode report, String id) {
        for (JsonNode d : report.path("detectors")) {
            if (d.path("id").asText().equals(id)) {
                return d;
            }
        }
        throw new AssertionError("no detector " + id + " in " + report.path("detectors"));
    }

    private static List<String> titles(JsonNode report, String detector) {
        List<String> out = new ArrayList<>();
        report.path("findings").forEach(f -> {
            if (f.path("detector").asText().equals(detector)) {
                out.add(f.path("title").asText());
            }
        });
        return out;
    }

    @Test
    void driftComparesTheTrainingRowsWithTheCurrentFile() throws IOException {
        Cli cli = Cli.run("scan", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--model", "builtin:logistic", "--current", current().toString(), "--detectors", "drift",
                "--threshold", "drift.domain-classifier=0",
                "--out", dir.resolve("out").toString(), "--store", dir.resolve("ff.db").toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        JsonNode r = report();
        JsonNode drift = detector(r, "drift");
        assertThat(drift.path("status").asText()).isEqualTo("ok");
        assertThat(drift.path("measurements").path("current_rows").asInt()).isEqualTo(7043);
        assertThat(drift.path("measurements").path("current").asText()).startsWith("current file");
        List<String> drifted = titles(r, "drift").stream().filter(t -> t.contains("differs between")).toList();
        // Only the raised charges moved; total_charges was left as it was.
        assertThat(drifted).hasSize(1);
        assertThat(drifted.get(0)).startsWith("'monthly_charges' differs between training and current rows");
        // Rows of the current file are not this run's failures: nothing in the log is tagged from them.
        Cli tagged = Cli.run("log", "list", "--run", "latest", "--cause", "ood", "--format", "jsonl",
                "--store", dir.resolve("ff.db").toString());
        assertThat(tagged.exit()).as(tagged.err()).isZero();
        assertThat(tagged.out().strip()).isEmpty();
    }

    @Test
    void aCurrentFileWithoutAFeatureColumnIsOneErrorNamingIt() throws IOException {
        List<String> lines = Files.readAllLines(current());
        List<String> cut = new ArrayList<>();
        for (String line : lines) {
            cut.add(line.substring(line.indexOf(',') + 1)); // drops 'female'
        }
        Path file = dir.resolve("cut.csv");
        Files.write(file, cut);
        Cli cli = Cli.run("scan", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--current", file.toString(), "--out", dir.resolve("out").toString(), "--store", dir.resolve("ff.db").toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err().strip().lines().count()).as(cli.err()).isEqualTo(1);
        assertThat(cli.err()).contains("cut.csv").contains("no column 'female'");
        assertThat(dir.resolve("out/report.json")).doesNotExist();

        Cli noDrift = Cli.run("scan", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--current", current().toString(), "--detectors", "weak-slice", "--out", dir.resolve("out").toString(),
                "--store", dir.resolve("ff.db").toString());
        assertThat(noDrift.exit()).isEqualTo(2);
        assertThat(noDrift.err()).contains("--current is read by the drift detector");
    }

    @Test
    void givenPredictionsGetLeakageWithoutTrainingRows() throws IOException {
        Cli cli = Cli.run("scan", "--data", scored().toString(), "--target", "churn", "--prediction-column", "predicted",
                "--out", dir.resolve("out").toString(), "--store", dir.resolve("ff.db").toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.err()).contains("drift is skipped");
        JsonNode r = report();
        List<String> ran = new ArrayList<>();
        r.path("detectors").forEach(d -> ran.add(d.path("id").asText() + ":" + d.path("status").asText()));
        assertThat(ran).contains("leakage:ok").doesNotContain("drift:ok");
        List<String> leaks = titles(r, "leakage");
        assertThat(leaks).anySatisfy(t -> assertThat(t).startsWith("'churned_flag' alone predicts 'churn' with power 1.00"));
        assertThat(leaks).anySatisfy(t -> assertThat(t).startsWith("'customer' looks like an identifier"));
        // The prediction column is not a feature: it must not be reported as a leak.
        assertThat(leaks).noneSatisfy(t -> assertThat(t).contains("'predicted'"));
        assertThat(leaks).hasSize(2);
        // Real features of Telco predict churn far from perfectly (cross-fitted on halves of the scored rows).
        JsonNode m = detector(r, "leakage").path("measurements");
        assertThat(m.path("power_method").asText()).contains("cross-fitting");
        m.path("single_feature_power").forEach(p -> {
            if (!p.path("feature").asText().equals("churned_flag")) {
                assertThat(p.path("power").asDouble()).as(p.path("feature").asText()).isLessThan(0.5);
            }
        });
    }

    @Test
    void givenPredictionsDriftAgainstTheCurrentFile() throws IOException {
        Cli cli = Cli.run("scan", "--data", scored().toString(), "--target", "churn", "--prediction-column", "predicted",
                "--ignore", "customer,churned_flag", "--current", current().toString(), "--detectors", "drift",
                "--out", dir.resolve("out").toString(), "--store", dir.resolve("ff.db").toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        JsonNode r = report();
        assertThat(detector(r, "drift").path("status").asText()).isEqualTo("ok");
        List<String> drifted = titles(r, "drift").stream().filter(t -> t.contains("differs between")).toList();
        assertThat(drifted).hasSize(1);
        assertThat(drifted.get(0)).startsWith("'monthly_charges' differs between scored and current rows");
    }
}
