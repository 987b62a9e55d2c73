package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code probe --adversarial} on real Telco churn data with the built-in GBM, through the command line. */
class AdversarialCommandTest {

    @TempDir
    static Path dir;

    static Cli probe;
    static JsonNode adversarial;

    @BeforeAll
    static void probeTelco() throws IOException {
        probe = Cli.run("probe", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--adversarial", "--immutable", "senior_citizen", "--out", dir.resolve("out").toString(),
                "--store", dir.resolve("ff.db").toString());
        assertThat(probe.exit()).as(probe.err()).isZero();
        adversarial = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile()).path("adversarial");
    }

    @Test
    void reportsSuccessRateAndDistancesOverAllCorrectlyPredictedRows() {
        assertThat(adversarial.path("attempted").asInt()).isEqualTo(adversarial.path("correct").asInt()).isGreaterThan(1000);
        assertThat(adversarial.path("success_rate").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(adversarial.path("succeeded").asInt())
                .isEqualTo((int) Math.round(adversarial.path("success_rate").asDouble() * adversarial.path("attempted").asInt()));
        assertThat(adversarial.path("unverified").asInt()).isZero();
        assertThat(adversarial.path("median_distance").asDouble()).isPositive();
        assertThat(adversarial.path("distances").size()).isEqualTo(adversarial.path("succeeded").asInt());
        assertThat(adversarial.path("budget").asInt()).isEqualTo(500);
        assertThat(adversarial.path("features").get(0).path("count").asInt()).isPositive();
        assertThat(adversarial.path("examples").size()).isEqualTo(20);
        assertThat(probe.out()).contains("adversarial: " + adversarial.path("succeeded").asInt() + " of ");
    }

    @Test
    void everyVerifiedExampleIsLoggedWithItsAdversarialRow() throws IOException {
        Cli list = Cli.run("log", "list", "--store", dir.resolve("ff.db").toString(), "--origin", "probe:adversarial",
                "--format", "jsonl", "--limit", "100000");
        assertThat(list.exit()).as(list.err()).isZero();
        String[] lines = list.out().lines().filter(l -> l.startsWith("{")).toArray(String[]::new);
        assertThat(lines).hasSize(adversarial.path("succeeded").asInt());
        ObjectMapper mapper = new ObjectMapper();
        for (String line : lines) {
            JsonNode f = mapper.readTree(line);
            JsonNode params = f.path("probe_params");
            assertThat(params.path("distance").asDouble()).isPositive();
            assertThat(params.path("evaluations").asInt()).isPositive();
            Set<String> differ = new HashSet<>();
            f.path("input").fieldNames().forEachRemaining(k -> {
                if (!f.path("input").path(k).equals(f.path("perturbed_input").path(k))) {
                    differ.add(k);
                }
            });
            assertThat(differ).isNotEmpty().doesNotContain("senior_citizen")
                    .isEqualTo(Set.of(params.path("changed").asText().split(",")));
            assertThat(f.path("expected").asText()).isNotEqualTo(f.path("predicted").asText());
        }
    }

    @Test
    void htmlShowsTheDistanceHistogramAndEscapedExamples() throws IOException {
        String html = Files.readString(dir.resolve("out/report.html"));
        int at = html.indexOf("id=\"adversarial\"");
        assertThat(at).isPositive();
        String section = html.substring(at, html.indexOf("</section>", at));
        assertThat(section).contains("<svg", "Smallest changes", "Median distance", "Features most often changed");
    }

    @Test
    void badAdversarialOptionsExitWith2AndWriteNothing() {
        Path out = dir.resolve("bad");
        String data = Datasets.tabular("telco_churn.csv").toString();
        Cli unknown = Cli.run("probe", "--data", data, "--target", "churn", "--adversarial", "--immutable", "nope",
                "--out", out.toString(), "--store", dir.resolve("bad.db").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("nope").contains("tenure");
        Cli budget = Cli.run("probe", "--data", data, "--target", "churn", "--adversarial", "--adversarial-budget", "0",
                "--out", out.toString(), "--store", dir.resolve("bad.db").toString());
        assertThat(budget.exit()).isEqualTo(2);
        assertThat(budget.err()).contains("budget");
        Cli without = Cli.run("probe", "--data", data, "--target", "churn", "--adversarial-rows", "10",
                "--out", out.toString(), "--store", dir.resolve("bad.db").toString());
        assertThat(without.exit()).isEqualTo(2);
        assertThat(without.err()).contains("need --adversarial");
        Cli bound = Cli.run("probe", "--data", data, "--target", "churn", "--adversarial", "--bound", "tenure=9",
                "--out", out.toString(), "--store", dir.resolve("bad.db").toString());
        assertThat(bound.exit()).isEqualTo(2);
        assertThat(bound.err()).contains("COLUMN=LOW:HIGH");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("bad.db")).doesNotExist();
    }
}
