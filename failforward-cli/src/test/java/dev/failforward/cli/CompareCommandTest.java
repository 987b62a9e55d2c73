package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment gate on real Telco churn data: a candidate trained with 30% of the labels flipped
 * where contract = One year and internet_service = Fiber optic (about 8% of rows) is blocked and
 * the slice is named; an identical candidate trained on the clean data passes.
 */
class CompareCommandTest {

    @TempDir
    static Path dir;

    static Path train;
    static Path trainBad;
    static Path test;

    @BeforeAll
    static void split() throws IOException {
        List<String> lines = Files.readAllLines(Datasets.tabular("telco_churn.csv"));
        String header = lines.get(0);
        List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(body, new Random(3));
        int cut = (int) (body.size() * 0.7);
        List<String> clean = body.subList(0, cut);
        List<String> bad = new ArrayList<>();
        Random random = new Random(5);
        for (String line : clean) {
            // Telco rows hold no quoted commas; churn is the first field.
            if (line.contains("\"One year\"") && line.contains("\"Fiber optic\"") && random.nextDouble() < 0.3) {
                line = line.startsWith("\"Yes\"") ? "\"No\"" + line.substring(5) : "\"Yes\"" + line.substring(4);
            }
            bad.add(line);
        }
        train = write("train.csv", header, clean);
        trainBad = write("train_bad.csv", header, bad);
        test = write("test.csv", header, body.subList(cut, body.size()));
    }

    private static Path write(String name, String header, List<String> rows) throws IOException {
        List<String> all = new ArrayList<>(List.of(header));
        all.addAll(rows);
        return Files.write(dir.resolve(name), all);
    }

    private static Cli compare(String out, String... extra) {
        List<String> args = new ArrayList<>(List.of("compare", "--data", test.toString(), "--target", "churn",
                "--out", dir.resolve(out).toString(), "--store", dir.resolve("ff.db").toString(), "--resamples", "300"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private static String runId(Cli cli) {
        Matcher m = Pattern.compile("run:\\s+(\\S+) in").matcher(cli.out());
        assertThat(m.find()).as(cli.out()).isTrue();
        return m.group(1);
    }

    @Test
    void corruptedSubgroupIsBlockedAndNamedCleanPassesAndStoredRunsCompare() throws Exception {
        Cli bad = compare("bad", "--baseline", "builtin:gbm", "--candidate", "builtin:gbm",
                "--baseline-train", train.toString(), "--candidate-train", trainBad.toString(), "--no-reference");
        assertThat(bad.exit()).as(bad.out() + bad.err()).isEqualTo(1);
        assertThat(bad.out()).contains("BLOCKED by policy default:");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("bad/compare.json").toFile());
        assertThat(json.path("policy").path("blocked").asBoolean()).isTrue();
        // The subgroup itself is among the slices examined, and it lost accuracy.
        JsonNode subgroup = null;
        for (JsonNode s : json.path("slices").path("most_significant")) {
            if (s.path("slice").asText().equals("internet_service = Fiber optic AND contract = One year")) {
                subgroup = s;
            }
        }
        assertThat(subgroup).as("the corrupted subgroup is reported").isNotNull();
        assertThat(subgroup.path("delta").asDouble()).isLessThan(-0.04);
        assertThat(subgroup.path("newly_wrong").asInt()).isGreaterThan(subgroup.path("fixed").asInt());
        String md = Files.readString(dir.resolve("bad/compare.md"));
        assertThat(md).contains("contract = One year");
        assertThat(bad.out()).contains("contract = One year");

        Cli good = compare("good", "--train", train.toString(), "--baseline", "builtin:gbm", "--candidate", "builtin:gbm");
        assertThat(good.exit()).as(good.out() + good.err()).isZero();
        assertThat(good.out()).contains("PASSED policy default (2 rules)").contains("reference builtin:logistic")
                .contains("reference prior");
        for (String f : List.of("compare.json", "compare.html", "compare.md", "compare-junit.xml")) {
            assertThat(dir.resolve("good").resolve(f)).isNotEmptyFile();
        }
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("good/compare-junit.xml").toFile());
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(2);
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
        JsonNode g = new ObjectMapper().readTree(dir.resolve("good/compare.json").toFile());
        assertThat(g.path("failure_diff").path("new").asInt()).isZero();
        assertThat(g.path("flip_rate").asDouble()).isZero();
        for (JsonNode m : g.path("metrics")) {
            assertThat(m.path("difference").asDouble()).as(m.path("metric").asText()).isZero();
            assertThat(m.path("p_value").asDouble()).isEqualTo(1.0);
        }

        // Both compares are runs in the log; comparing them from stored predictions gives the same verdict.
        Cli runs = Cli.run("log", "runs", "--store", dir.resolve("ff.db").toString());
        assertThat(runs.out()).contains("compare");
        // ... and their ROC AUC over time: the corrupted candidate's, then the clean one's.
        Path chart = dir.resolve("history.html");
        Cli history = Cli.run("log", "runs", "--store", dir.resolve("ff.db").toString(), "--metric", "roc_auc",
                "--model", "builtin:gbm", "--html", chart.toString());
        assertThat(history.exit()).as(history.err()).isZero();
        assertThat(history.out()).contains(runId(bad)).contains(runId(good)).contains("ROC_AUC")
                .contains(String.format(java.util.Locale.ROOT, "%.4f", json.path("candidate").path("metrics").path("roc_auc").asDouble()));
        assertThat(Files.readString(chart)).contains("<svg").contains("roc_auc over 2 runs");
        Cli stored = Cli.run("compare", "--baseline-run", runId(good), "--candidate-run", runId(bad),
                "--data", test.toString(), "--target", "churn", "--out", dir.resolve("stored").toString(),
                "--store", dir.resolve("ff.db").toString(), "--resamples", "300");
        assertThat(stored.exit()).as(stored.out() + stored.err()).isEqualTo(1);
        JsonNode s = new ObjectMapper().readTree(dir.resolve("stored/compare.json").toFile());
        assertThat(s.path("rows").asInt()).isEqualTo(json.path("rows").asInt());
        assertThat(s.path("metrics").get(0).path("difference").asDouble())
                .isEqualTo(json.path("metrics").get(0).path("difference").asDouble());
        assertThat(s.path("slices").path("examined").asInt()).isEqualTo(json.path("slices").path("examined").asInt());
    }

    @Test
    void badPolicyIsBadInputAndWritesNothing() throws IOException {
        Path policy = Files.writeString(dir.resolve("gate.yaml"), "roc_auc: {max_drop: 0.01}\nslices: {min_rows: 5}\n");
        Cli cli = compare("nothing", "--train", train.toString(), "--baseline", "builtin:logistic", "--candidate",
                "builtin:logistic", "--policy", policy.toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("failforward: error: " + policy
                + ":2:10: unknown key 'min_rows' in 'slices'; valid keys: max_drop, min_size, significance");
        assertThat(dir.resolve("nothing")).doesNotExist();
        Cli unknown = compare("nothing", "--train", train.toString(), "--baseline", "builtin:nope", "--candidate", "builtin:gbm");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown model 'builtin:nope'; known models:");
    }
}
