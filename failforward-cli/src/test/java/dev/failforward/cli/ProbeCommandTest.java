package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code probe} on real Telco churn data with the built-in GBM, through the command line. */
class ProbeCommandTest {

    @TempDir
    static Path dir;

    static Cli probe;
    static JsonNode report;

    @BeforeAll
    static void probeTelco() throws IOException {
        probe = Cli.run("probe", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--out", dir.resolve("out").toString(), "--store", dir.resolve("ff.db").toString());
        assertThat(probe.exit()).as(probe.err()).isZero();
        report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    @Test
    void reportHasFlipRatesPerProbeAndLevel() {
        JsonNode probes = report.path("probes");
        assertThat(probes.size()).isGreaterThanOrEqualTo(6);
        Set<String> ids = new HashSet<>();
        Map<String, Double> strongest = new HashMap<>();
        Map<String, Double> weakest = new HashMap<>();
        for (JsonNode p : probes) {
            ids.add(p.path("id").asText());
            double rate = p.path("flip_rate").asDouble();
            assertThat(rate).isBetween(0.0, 1.0);
            assertThat(p.path("drop").asDouble())
                    .isCloseTo(p.path("original").asDouble() - p.path("perturbed").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(p.path("rows").asInt()).isGreaterThan(2000);
            weakest.putIfAbsent(p.path("id").asText(), rate);
            strongest.put(p.path("id").asText(), rate);
        }
        assertThat(ids).contains("gaussian-noise", "category-swap", "missing-value", "typical-value");
        // The strongest level of each probe flips more rows than its weakest.
        for (String id : ids) {
            assertThat(strongest.get(id)).as(id).isGreaterThan(weakest.get(id));
        }
        assertThat(report.path("kind").asText("probe")).isEqualTo("probe");
        assertThat(report.path("metrics").path("accuracy").asDouble()).isGreaterThan(0.7);
    }

    @Test
    void htmlReportChartsFlipRates() throws IOException {
        String html = Files.readString(dir.resolve("out/report.html"));
        assertThat(html).contains("id=\"probes\"").contains("<svg").contains("gaussian-noise").contains("Flip rate");
    }

    @Test
    void flippedRowsAreLoggedWithTheirProbeAndPerturbedInput() throws IOException {
        Cli list = Cli.run("log", "list", "--store", dir.resolve("ff.db").toString(), "--origin", "probe:*",
                "--format", "jsonl", "--limit", "100000");
        assertThat(list.exit()).as(list.err()).isZero();
        String[] lines = list.out().lines().filter(l -> l.startsWith("{")).toArray(String[]::new);
        int logged = 0;
        for (JsonNode p : report.path("probes")) {
            logged += p.path("failures").asInt();
        }
        assertThat(lines).hasSize(logged).isNotEmpty();
        ObjectMapper mapper = new ObjectMapper();
        Set<String> origins = new HashSet<>();
        for (String line : lines) {
            JsonNode f = mapper.readTree(line);
            origins.add(f.path("origin").asText());
            assertThat(f.path("input").isObject()).isTrue();
            JsonNode params = f.path("probe_params");
            assertThat(params.path("probe").asText()).isEqualTo(f.path("origin").asText().substring("probe:".length()));
            assertThat(params.path("level").asDouble()).isPositive();
            // the changed columns named in the parameters are exactly those where the two inputs differ
            Set<String> differ = new HashSet<>();
            f.path("input").fieldNames().forEachRemaining(k -> {
                if (!f.path("input").path(k).equals(f.path("perturbed_input").path(k))) {
                    differ.add(k);
                }
            });
            assertThat(differ).isNotEmpty()
                    .isEqualTo(Set.of(params.path("changed").asText().split(",")));
        }
        assertThat(origins).allMatch(o -> o.startsWith("probe:")).contains("probe:gaussian-noise");
        JsonNode first = mapper.readTree(lines[0]);
        Cli show = Cli.run("log", "show", first.path("id").asText(), "--store", dir.resolve("ff.db").toString());
        String column = first.path("probe_params").path("changed").asText().split(",")[0];
        assertThat(show.out()).contains("probe params:", "perturbed input (changed values only):")
                .containsPattern("(?m)^    " + java.util.regex.Pattern.quote(column) + " = .*  ->  ");
        Cli holdout = Cli.run("log", "list", "--store", dir.resolve("ff.db").toString(), "--origin", "holdout",
                "--format", "jsonl", "--limit", "100000");
        assertThat(holdout.out().lines().filter(l -> l.startsWith("{")).count()).isPositive();
    }

    @Test
    void badInputIsOneLineAndExitCode2WithNothingWritten() {
        Path out = dir.resolve("bad");
        Cli missing = Cli.run("probe", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "nope",
                "--out", out.toString(), "--store", dir.resolve("bad.db").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope");
        assertThat(out).doesNotExist();
        Cli external = Cli.run("probe", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--model", "xgboost:model.json", "--out", out.toString(), "--store", dir.resolve("bad.db").toString());
        assertThat(external.exit()).isEqualTo(2);
        assertThat(external.err()).contains("model.json").contains("no such file");
        assertThat(out).doesNotExist();
    }
}
