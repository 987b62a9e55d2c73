package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.metric.Evaluation;
import dev.failforward.metric.Metrics;
import dev.failforward.model.Predictions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code scan --prediction-column}: Telco churn with predictions from a fixed rule (month-to-month
 * contract and short tenure → churn), scanned without a model.
 */
class PredictionColumnScanTest {

    @TempDir
    Path dir;

    private int rows;
    private int wrong;
    private final List<Integer> truth = new ArrayList<>();
    private final List<Double> pYes = new ArrayList<>();

    /** Writes Telco with columns predicted, p_no and p_yes; {@code edit} may change a line's three new values. */
    private Path scored(String badRow, int badIndex) throws IOException {
        List<String> lines = Files.readAllLines(Datasets.tabular("telco_churn.csv"));
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + ",\"predicted\",\"p_no\",\"p_yes\"");
        String[] header = lines.get(0).replace("\"", "").split(",");
        int contract = List.of(header).indexOf("contract");
        int tenure = List.of(header).indexOf("tenure");
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            boolean risky = f[contract].equals("\"Month-to-month\"") && Double.parseDouble(f[tenure]) < 12;
            double p = risky ? 0.75 : (f[contract].equals("\"Month-to-month\"") ? 0.35 : 0.08);
            String predicted = p >= 0.5 ? "Yes" : "No";
            int actual = f[0].equals("\"Yes\"") ? 1 : 0;
            truth.add(actual);
            pYes.add(p);
            wrong += (actual == 1) != predicted.equals("Yes") ? 1 : 0;
            String added = i - 1 == badIndex ? badRow
                    : String.format(Locale.ROOT, "\"%s\",%s,%s", predicted, 1 - p, p);
            out.add(lines.get(i) + "," + added);
        }
        rows = lines.size() - 1;
        Path file = dir.resolve("scored.csv");
        Files.write(file, out);
        return file;
    }

    private Cli scan(Path file, String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--data", file.toString(), "--target", "churn",
                "--prediction-column", "predicted", "--out", dir.resolve("out").toString(),
                "--store", dir.resolve("ff.db").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    @Test
    void metricsFailuresAndDetectorsComeFromTheGivenPredictions() throws IOException {
        Cli cli = scan(scored(null, -1), "--probability-columns", "p_no,p_yes");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("predictions:predicted")
                .contains(rows + " scored rows, " + wrong + " failures");
        assertThat(cli.err()).contains("drift is skipped").doesNotContain("leakage is skipped");

        double[] probs = new double[rows * 2];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            probs[2 * i] = 1 - pYes.get(i);
            probs[2 * i + 1] = pYes.get(i);
            labels[i] = truth.get(i);
        }
        Evaluation direct = Metrics.classification(Predictions.ofProbabilities(List.of("No", "Yes"), probs), labels);
        JsonNode r = report();
        direct.metrics().forEach((k, v) -> assertThat(r.path("metrics").path(k).asDouble()).as(k).isCloseTo(v, within(1e-9)));
        assertThat(direct.metrics()).containsKey("accuracy");
        assertThat(r.path("metrics").path("accuracy").asDouble()).isCloseTo(1.0 - (double) wrong / rows, within(1e-9));

        List<String> ok = new ArrayList<>();
        r.path("detectors").forEach(d -> ok.add(d.path("id").asText() + ":" + d.path("status").asText()));
        assertThat(ok).containsExactly("weak-slice:ok", "calibration:ok", "leakage:ok");
        assertThat(r.path("findings")).isNotEmpty();
        r.path("findings").forEach(f -> assertThat(f.path("title").asText()).doesNotContain("predicted", "p_yes", "p_no"));

        Cli failures = Cli.run("log", "list", "--run", "latest", "--format", "jsonl", "--limit", "100000",
                "--store", dir.resolve("ff.db").toString());
        assertThat(failures.exit()).as(failures.err()).isZero();
        assertThat(failures.out().lines().count()).isEqualTo(wrong);
    }

    @Test
    void withoutProbabilityColumnsTheyAreOneHotAndLabelIssueSaysWhatItNeeds() throws IOException {
        Cli cli = scan(scored(null, -1), "--detectors", "weak-slice,calibration,label-issue,drift");
        assertThat(cli.exit()).as(cli.out() + report().path("detectors")).isZero();
        assertThat(cli.err()).contains("one-hot").contains("label-issue needs predicted probabilities");
        assertThat(cli.out()).contains(rows + " scored rows, " + wrong + " failures");
        List<String> ran = new ArrayList<>();
        report().path("detectors").forEach(d -> ran.add(d.path("id").asText() + ":" + d.path("status").asText()));
        assertThat(ran).containsExactly("weak-slice:ok", "calibration:ok");
        assertThat(report().path("metrics").path("accuracy").asDouble()).isCloseTo(1.0 - (double) wrong / rows, within(1e-9));
    }

    @Test
    void aPredictionThatIsNotAClassIsOneErrorNamingFileColumnAndRow() throws IOException {
        Cli cli = scan(scored("\"Maybe\",0.5,0.5", 5));
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err().strip().lines().count()).isEqualTo(1);
        assertThat(cli.err()).contains("scored.csv").contains("'predicted'").contains("row 5").contains("Maybe");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(dir.resolve("ff.db")).doesNotExist();
    }

    @Test
    void aProbabilityOutsideZeroToOneIsOneErrorNamingTheRow() throws IOException {
        Cli cli = scan(scored("\"Yes\",-0.5,1.5", 7), "--probability-columns", "p_no,p_yes");
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("scored.csv").contains("'p_no'").contains("row 7").contains("outside [0, 1]");
        assertThat(dir.resolve("out")).doesNotExist();
        Cli missing = scan(scored(null, -1), "--probability-columns", "p_no,p_maybe");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("p_maybe");
    }

    @Test
    void labelIssueRunsOnTheGivenProbabilities() throws IOException {
        Cli cli = scan(scored(null, -1), "--probability-columns", "p_no,p_yes", "--detectors", "label-issue");
        assertThat(cli.exit()).as(cli.err()).isZero();
        JsonNode d = report().path("detectors").get(0);
        assertThat(d.path("id").asText()).isEqualTo("label-issue");
        assertThat(d.path("status").asText()).isEqualTo("ok");
    }

    @Test
    void regressionPredictionsAreValues() throws IOException {
        List<String> lines = Files.readAllLines(Datasets.tabular("telco_churn.csv"));
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + ",\"predicted\"");
        String[] header = lines.get(0).replace("\"", "").split(",");
        int monthly = List.of(header).indexOf("monthly_charges");
        int tenure = List.of(header).indexOf("tenure");
        int total = List.of(header).indexOf("total_charges");
        double sum = 0;
        int n = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            double predicted = Double.parseDouble(f[monthly]) * Double.parseDouble(f[tenure]);
            out.add(lines.get(i) + "," + predicted);
            if (!f[total].isBlank()) {
                double e = Double.parseDouble(f[total]) - predicted;
                sum += e * e;
                n++;
            }
        }
        Path file = dir.resolve("charges.csv");
        Files.write(file, out);
        Cli cli = Cli.run("scan", "--data", file.toString(), "--target", "total_charges", "--prediction-column", "predicted",
                "--detectors", "none", "--out", dir.resolve("out").toString(), "--store", dir.resolve("ff.db").toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).contains(n + " scored rows");
        assertThat(report().path("metrics").path("rmse").asDouble()).isCloseTo(Math.sqrt(sum / n), within(1e-6));
    }
}
