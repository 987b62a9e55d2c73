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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code probe --suite} with the documented example suite, and {@code scan --probes}, on real Telco data with the built-in GBM. */
@Tag("slow")
class ProbeSuiteCommandTest {

    @TempDir
    static Path dir;

    static Cli probe;
    static JsonNode report;

    @BeforeAll
    static void probeWithTheExampleSuite() throws IOException {
        probe = Cli.run("probe", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--suite", docs().resolve("probe-suite-example.yaml").toString(),
                "--out", dir.resolve("out").toString(), "--store", dir.resolve("ff.db").toString());
        assertThat(probe.exit()).as(probe.err()).isZero();
        report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    @Test
    void theSuitesProbesExpectationsAndIntervalsAreReported() {
        Set<String> ids = new HashSet<>();
        for (JsonNode p : report.path("probes")) {
            ids.add(p.path("id").asText());
            if (p.path("id").asText().startsWith("mft-")) {
                assertThat(p.path("drop_ci").isNull()).isTrue();
                assertThat(p.path("expectation").asText()).isEqualTo("MFT");
                continue;
            }
            JsonNode ci = p.path("drop_ci");
            assertThat(ci.get(0).asDouble()).isLessThanOrEqualTo(p.path("drop").asDouble() + 1e-12);
            assertThat(ci.get(1).asDouble()).isGreaterThanOrEqualTo(p.path("drop").asDouble() - 1e-12);
        }
        assertThat(ids).containsExactlyInAnyOrder("gaussian-noise", "rounding", "unseen-category", "edge-values@tenure+monthly_charges",
                "longer-tenure", "pricier", "mft-loyal-two-year-customers-stay", "mft-new-month-to-month-fiber-customers-churn");
        assertThat(report.path("probes")).filteredOn(p -> p.path("id").asText().equals("longer-tenure"))
                .allSatisfy(p -> assertThat(p.path("expectation").asText()).isEqualTo("DIR down"));
        assertThat(report.path("probe_examples").size()).isGreaterThan(10);
        assertThat(probe.out()).contains("drop 95% CI").contains("DIR down");
    }

    @Test
    void directionalFailuresAreLoggedAndImmutableColumnsNeverChange() throws IOException {
        Cli list = Cli.run("log", "list", "--store", dir.resolve("ff.db").toString(), "--origin", "probe:*",
                "--format", "jsonl", "--limit", "100000");
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> failures = list.out().lines().filter(l -> l.startsWith("{")).map(l -> {
            try {
                return mapper.readTree(l);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(failures).filteredOn(f -> f.path("origin").asText().equals("probe:longer-tenure")).isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.path("probe_params").path("expectation").asText()).isEqualTo("DIR down");
                    assertThat(f.path("probe_params").path("changed").asText()).isEqualTo("tenure");
                    assertThat(f.path("perturbed_input").path("tenure").asDouble()).isGreaterThan(f.path("input").path("tenure").asDouble());
                });
        for (JsonNode f : failures) {
            for (String immutable : List.of("female", "senior_citizen")) {
                assertThat(f.path("perturbed_input").path(immutable)).as(immutable).isEqualTo(f.path("input").path(immutable));
            }
        }
    }

    @Test
    void htmlShowsTheWorstExamplesSideBySide() throws IOException {
        String html = Files.readString(dir.resolve("out/report.html"));
        assertThat(html).contains("id=\"probe-examples\"").contains("Worst examples").contains("Drop 95% CI").contains("longer-tenure");
    }

    @Test
    void aTypoInTheSuiteIsOneLineWithItsPlaceAndExitCode2() throws IOException {
        Path suite = dir.resolve("typo.yaml");
        Files.writeString(suite, "probes:\n  - id: scale\n    levles: [0.5]\n");
        Path out = dir.resolve("typo-out");
        Cli bad = Cli.run("probe", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--suite", suite.toString(), "--out", out.toString(), "--store", dir.resolve("typo.db").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("failforward: error: " + suite + ":3:5: unknown key 'levles' in a probe entry "
                + "(or a test with 'mft'); valid keys: id, name, levels, columns, expect");
        assertThat(out).doesNotExist();
        Files.writeString(suite, "probes:\n  - id: shift\n    columns: [tenur]\n");
        Cli column = Cli.run("scan", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--probes", suite.toString(), "--out", out.toString(), "--store", dir.resolve("typo.db").toString());
        assertThat(column.exit()).isEqualTo(2);
        assertThat(column.err()).contains(suite + ":2:5: probe 'shift@tenur' names the column 'tenur'");
        assertThat(out).doesNotExist();
    }

    @Test
    void scanWithProbesStoresTheProbeFailuresInTheSameRun() throws IOException {
        Path suite = dir.resolve("scan-suite.yaml");
        Files.writeString(suite, "probes:\n  - id: gaussian-noise\n    levels: [0.5]\n  - id: unseen-category\n    levels: [1]\n");
        Path db = dir.resolve("scan.db");
        Cli scan = Cli.run("scan", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--probes", suite.toString(), "--out", dir.resolve("scan-out").toString(), "--store", db.toString());
        assertThat(scan.exit()).as(scan.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("scan-out/report.json").toFile());
        assertThat(json.path("probes")).extracting(p -> p.path("id").asText()).containsExactly("gaussian-noise", "unseen-category");
        int logged = 0;
        for (JsonNode p : json.path("probes")) {
            logged += p.path("failures").asInt();
        }
        String runId = json.path("run").path("id").asText(json.path("run_id").asText());
        Cli list = Cli.run("log", "list", "--store", db.toString(), "--origin", "probe:*", "--format", "jsonl", "--limit", "100000");
        List<String> lines = list.out().lines().filter(l -> l.startsWith("{")).toList();
        assertThat(lines).hasSize(logged).isNotEmpty().allMatch(l -> l.contains(runId));
        assertThat(scan.out()).contains("probe failures");
        Cli plain = Cli.run("scan", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--out", dir.resolve("plain-out").toString(), "--store", dir.resolve("plain.db").toString());
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(new ObjectMapper().readTree(dir.resolve("plain-out/report.json").toFile()).has("probes")).isFalse();
    }

    static Path docs() {
        return Datasets.tabular("telco_churn.csv").getParent().getParent().getParent().resolve("docs");
    }
}
