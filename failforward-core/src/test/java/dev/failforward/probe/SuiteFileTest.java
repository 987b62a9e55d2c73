package dev.failforward.probe;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Suite files: every key read, unknown keys and bad values fail with file:line:column and the valid keys. */
class SuiteFileTest {

    static final String SUITE = """
            immutable: [female, senior_citizen]
            probes:
              - id: gaussian-noise
                levels: [0.1, 0.5]
              - id: shift
                name: longer-tenure
                columns: [tenure]
                levels: [1]
                expect: {direction: down, class: Yes, tolerance: 0.02}
              - id: category-swap
                expect: invariant
              - mft: loyal-customers-stay
                rows:
                  - {tenure: 72, contract: Two year}
                  - {tenure: 60}
                expect_label: "No"
            """;

    @Test
    void readsProbesLevelsColumnsExpectationsAndTests() {
        ProbeSuite s = SuiteFile.parse(SUITE, "suite.yaml");
        assertThat(s.immutable()).containsExactly("female", "senior_citizen");
        assertThat(s.probes()).extracting(SuiteProbe::name).containsExactly("gaussian-noise", "longer-tenure", "category-swap");
        SuiteProbe noise = s.probes().get(0);
        assertThat(noise.levels()).containsExactly(0.1, 0.5);
        assertThat(noise.immutable()).containsExactly("female", "senior_citizen");
        assertThat(noise.origin()).isEqualTo("suite.yaml:3:5");
        SuiteProbe longer = s.probes().get(1);
        assertThat(longer.probe().id()).isEqualTo("shift");
        assertThat(longer.columns()).containsExactly("tenure");
        assertThat(longer.expectation()).isEqualTo(Expectation.down("Yes", 0.02));
        assertThat(s.probes().get(2).levels()).isEqualTo(Probes.find("category-swap").levels());
        assertThat(s.probes().get(2).expectation()).isEqualTo(Expectation.invariant());
        assertThat(s.mft()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("mft-loyal-customers-stay");
            assertThat(m.expectLabel()).isEqualTo("No");
            assertThat(m.rows().get(0)).containsExactly(java.util.Map.entry("tenure", "72"), java.util.Map.entry("contract", "Two year"));
        });
    }

    @Test
    void theDocumentedExampleSuiteIsValid() {
        ProbeSuite s = SuiteFile.read(docs().resolve("probe-suite-example.yaml"));
        assertThat(s.probes()).isNotEmpty();
        assertThat(s.mft()).isNotEmpty();
        assertThat(s.probes()).anyMatch(p -> p.expectation().kind() == Expectation.Kind.DOWN);
    }

    @Test
    void unknownKeysNameTheFileLineColumnAndTheValidKeys() {
        assertThatThrownBy(() -> SuiteFile.parse(SUITE.replace("    levels: [1]", "    levls: [1]"), "s.yaml"))
                .hasMessage("s.yaml:8:5: unknown key 'levls' in a probe entry (or a test with 'mft'); valid keys: id, name, levels, columns, expect");
        assertThatThrownBy(() -> SuiteFile.parse("immutable: []\nprobe:\n  - id: scale\n", "s.yaml"))
                .hasMessage("s.yaml:2:1: unknown key 'probe' in the suite; valid keys: probes, immutable");
        assertThatThrownBy(() -> SuiteFile.parse(SUITE.replace("tolerance: 0.02", "tolerence: 0.02"), "s.yaml"))
                .hasMessageStartingWith("s.yaml:9:43: unknown key 'tolerence' in 'expect'; valid keys: direction, class, tolerance");
        assertThatThrownBy(() -> SuiteFile.parse(SUITE.replace("expect_label", "label"), "s.yaml"))
                .hasMessageContaining("s.yaml:16:5: unknown key 'label'").hasMessageContaining("valid keys: mft, rows, expect_label");
    }

    @Test
    void badValuesAreOneLineWithTheirPlace() {
        assertThatThrownBy(() -> SuiteFile.parse("probes:\n  - id: nois\n", "s.yaml"))
                .hasMessageStartingWith("s.yaml:2:9: unknown probe 'nois'; known probes: [").hasMessageContaining("gaussian-noise");
        assertThatThrownBy(() -> SuiteFile.parse("probes:\n  - id: scale\n    levels: [big]\n", "s.yaml"))
                .hasMessage("s.yaml:3:14: 'levels' must be a number");
        assertThatThrownBy(() -> SuiteFile.parse("probes:\n  - id: scale\n    expect: {direction: sideways}\n", "s.yaml"))
                .hasMessage("s.yaml:3:25: 'direction' is up or down, got 'sideways'");
        assertThatThrownBy(() -> SuiteFile.parse("probes: [\n", "s.yaml")).hasMessageStartingWith("s.yaml:").hasMessageContaining("invalid YAML");
        assertThatThrownBy(() -> SuiteFile.parse("", "s.yaml")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SuiteFile.parse("probes:\n  - id: scale\n  - id: scale\n", "s.yaml"))
                .hasMessageContaining("two probes are named 'scale'");
    }

    @Test
    void columnsAreCheckedAgainstTheData() throws IOException {
        var telco = dev.failforward.data.TableReaders.read(dev.failforward.support.Datasets.tabular("telco_churn.csv"),
                dev.failforward.data.ReadOptions.DEFAULT).withRole("churn", dev.failforward.data.ColumnRole.TARGET);
        SuiteFile.parse(SUITE, "suite.yaml").check(telco);
        assertThatThrownBy(() -> SuiteFile.parse(SUITE.replace("columns: [tenure]", "columns: [tenur]"), "suite.yaml").check(telco))
                .hasMessageStartingWith("suite.yaml:5:5: probe 'longer-tenure' names the column 'tenur', which is not a feature")
                .hasMessageContaining("tenure");
    }

    static Path docs() {
        String project = System.getProperty("failforward.root", System.getProperty("user.dir"));
        for (Path p = Path.of(project).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.isDirectory(p.resolve("datasets"))) {
                return p.resolve("docs");
            }
        }
        throw new IllegalStateException("docs/ not found from " + project);
    }
}
