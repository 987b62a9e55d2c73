package dev.failforward.probe;

import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.failure.Failure;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Predictions;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Probes against a deep decision tree (test:tree) trained on real Telco churn data. */
@Tag("slow")
class ProbeRunnerTest {

    static ScanData data;
    static Model model;
    static Predictions baseline;

    @BeforeAll
    static void train() {
        Table telco = TableReaders.read(telco(), ReadOptions.DEFAULT);
        data = ScanData.prepare(telco, null, ScanSpec.of("churn"));
        // A deep tree: not monotone in tenure, and wrong about some new month-to-month customers.
        model = ModelProviders.find("test:tree").trainer().train(data.train(), data.target(), 42, Progress.NONE);
        baseline = model.predict(data.test());
    }

    /** The same probe with fixed levels, so a planted level 0 can be run. */
    record AtLevels(Probe probe, List<Double> levels) implements Probe {
        public String id() {
            return probe.id();
        }

        public String description() {
            return probe.description();
        }

        public Table perturb(Table test, double level, long seed) {
            return probe.perturb(test, level, seed);
        }
    }

    @Test
    void noiseOfLevelZeroFlipsNothingAndMoreNoiseFlipsMore() {
        Probe noise = new AtLevels(Probes.find("gaussian-noise"), List.of(0.0, 0.1, 1.0));
        ProbeOutcome o = ProbeRunner.run(List.of(noise), model, data, baseline, 42, "run", 1, Progress.NONE);
        List<ProbeResult> r = o.results();
        assertThat(r.get(0).flipRate()).isZero();
        assertThat(r.get(0).drop()).isZero();
        assertThat(r.get(0).failures()).isZero();
        assertThat(r.get(1).flipRate()).isPositive();
        assertThat(r.get(2).flipRate()).isGreaterThan(r.get(1).flipRate());
        assertThat(r.get(2).drop()).isGreaterThan(0.0);
        assertThat(o.failures()).hasSize(r.get(1).failures() + r.get(2).failures());
    }

    @Test
    void everyFailureIsARowWhosePredictionFlippedWithItsPerturbedInput() {
        Probe swap = Probes.find("category-swap");
        ProbeOutcome o = ProbeRunner.run(List.of(swap), model, data, baseline, 42, "run", 10, Progress.NONE);
        assertThat(o.failures()).isNotEmpty();
        assertThat(o.failures().get(0).id()).isEqualTo("run-10");
        for (Failure f : o.failures()) {
            assertThat(f.origin()).isEqualTo("probe:category-swap");
            int row = data.testKeys().indexOf(f.rowKey());
            String before = data.target().classes().get(baseline.predictedClass(row));
            assertThat(f.predicted()).isNotEqualTo(before);
            // The input is the original row; the perturbed input differs from it in exactly one categorical column.
            var perturbed = f.perturbation().perturbedInput();
            assertThat(data.test().columns().stream().filter(c -> f.input().containsKey(c.name()))
                    .allMatch(c -> java.util.Objects.equals(c.value(row), f.input().get(c.name())))).isTrue();
            List<String> changed = data.test().columns().stream().filter(c -> perturbed.containsKey(c.name()))
                    .filter(c -> !java.util.Objects.equals(c.value(row), perturbed.get(c.name())))
                    .map(c -> c.name()).toList();
            assertThat(changed).hasSize(1);
            assertThat(f.perturbation().params()).containsEntry("changed", changed.get(0))
                    .containsEntry("expectation", "INV");
        }
    }

    /** DIR: doubling tenure should not raise the churn probability; the rows where it does are the failures. */
    record LongerTenure(Expectation expectation) implements Probe {
        public String id() {
            return "longer-tenure";
        }

        public String description() {
            return "tenure doubled";
        }

        public List<Double> levels() {
            return List.of(2.0);
        }

        public Table perturb(Table test, double level, long seed) {
            double[] tenure = ((dev.failforward.data.NumericColumn) test.column("tenure")).values().clone();
            for (int i = 0; i < tenure.length; i++) {
                tenure[i] *= level;
            }
            return test.replace(new dev.failforward.data.NumericColumn("tenure", tenure));
        }
    }

    @Test
    void aDirectionalExpectationFailsExactlyTheRowsWhoseOutputMovesAgainstIt() {
        Probe longer = new LongerTenure(Expectation.down("Yes", 0.0));
        ProbeOutcome o = ProbeRunner.run(List.of(longer), model, data, baseline, 42, "run", 1, Progress.NONE);
        Predictions after = model.predict(longer.perturb(data.test(), 2.0, 42));
        int yes = data.target().classes().indexOf("Yes");
        List<String> rising = new java.util.ArrayList<>();
        for (int i = 0; i < data.test().rowCount(); i++) {
            if (after.probability(i, yes) > baseline.probability(i, yes)) {
                rising.add(data.testKeys().get(i));
            }
        }
        assertThat(rising).isNotEmpty().hasSizeLessThan(data.test().rowCount() / 2);
        assertThat(o.failures()).extracting(Failure::rowKey).containsExactlyElementsOf(rising);
        assertThat(o.failures()).allSatisfy(f -> {
            assertThat(f.causeTags()).contains("direction-violated");
            assertThat(f.perturbation().params()).containsEntry("expectation", "DIR down").containsEntry("changed", "tenure");
        });
        // A tolerance as wide as the probability scale forgives every move.
        ProbeOutcome lenient = ProbeRunner.run(List.of(new LongerTenure(Expectation.down("Yes", 1.0))), model, data,
                baseline, 42, "run", 1, Progress.NONE);
        assertThat(lenient.failures()).isEmpty();
        assertThat(lenient.results().get(0).flipRate()).isEqualTo(o.results().get(0).flipRate());
    }

    @Test
    void resultsAreTheSameOnEveryRunWithTheSameSeed() {
        List<Probe> all = Probes.all();
        ProbeOutcome a = ProbeRunner.run(all, model, data, baseline, 42, "run", 1, Progress.NONE);
        ProbeOutcome b = ProbeRunner.run(all, model, data, baseline, 42, "run", 1, Progress.NONE);
        assertThat(a.results()).isEqualTo(b.results());
        assertThat(a.failures()).extracting(Failure::fingerprint).isEqualTo(b.failures().stream().map(Failure::fingerprint).toList());
    }

    static final String SUITE = """
            immutable: [monthly_charges]
            probes:
              - id: shift
                name: longer-tenure
                columns: [tenure, monthly_charges]
                levels: [1]
                expect: {direction: down, class: "Yes", tolerance: TOL}
              - id: gaussian-noise
                levels: [0.5]
              - mft: new-month-to-month-customers-churn
                rows:
                  - {tenure: 1, contract: Month-to-month, monthly_charges: 20, total_charges: 20}
                  - {tenure: 1, contract: Month-to-month, monthly_charges: 45, total_charges: 45}
                  - {tenure: 1, contract: Month-to-month, monthly_charges: 70, total_charges: 70}
                  - {tenure: 1, contract: Month-to-month, monthly_charges: 95, total_charges: 95}
                  - {tenure: 2, contract: Month-to-month, internet_service: DSL, total_charges: 120}
                  - {tenure: 2, contract: Month-to-month, internet_service: "No", total_charges: 40}
                expect_label: "Yes"
              - mft: loyal-two-year-customers-stay
                rows:
                  - {tenure: 72, contract: Two year, total_charges: 5000}
                  - {tenure: 60, contract: Two year, total_charges: 4000}
                expect_label: "No"
            """;

    @Test
    void aSuiteFindsRealDirectionalAndMinimumFunctionalityFailuresAndNoneWhereTheyHold() {
        // DIR: one more standard deviation of tenure must not raise P(churn). monthly_charges is immutable, so although the
        // probe lists it, only tenure changes; the failures are the rows whose P(Yes) still rises.
        ProbeSuite strict = SuiteFile.parse(SUITE.replace("TOL", "0"), "suite.yaml");
        ProbeOutcome o = ProbeRunner.run(strict, model, data, baseline, 42, "run", 1, Progress.NONE);
        assertThat(o.results()).extracting(ProbeResult::id).containsExactly("longer-tenure", "gaussian-noise",
                "mft-new-month-to-month-customers-churn", "mft-loyal-two-year-customers-stay");
        List<Failure> dir = o.failures().stream().filter(f -> f.origin().equals("probe:longer-tenure")).toList();
        assertThat(dir).isNotEmpty().allSatisfy(f -> {
            assertThat(f.causeTags()).contains("direction-violated");
            assertThat(f.perturbation().params()).containsEntry("changed", "tenure").containsEntry("expectation", "DIR down");
        });
        // monthly_charges is immutable: no failure of any probe changed it
        assertThat(o.failures()).allSatisfy(f -> assertThat(f.perturbation().perturbedInput().get("monthly_charges"))
                .isEqualTo(f.input().get("monthly_charges")));
        List<Failure> mft = o.failures().stream().filter(f -> f.origin().equals("probe:mft-new-month-to-month-customers-churn")).toList();
        assertThat(mft).isNotEmpty().hasSizeLessThan(6).allSatisfy(f -> {
            assertThat(f.expected()).isEqualTo("Yes");
            assertThat(f.predicted()).isEqualTo("No");
            assertThat(f.causeTags()).containsExactly("mft-failed");
            assertThat(f.input()).containsEntry("contract", "Month-to-month");
            assertThat(f.perturbation().params()).containsKey("template").containsEntry("expect_label", "Yes");
        });
        // Each MFT failure really is predicted otherwise when its row is scored again.
        Table rows = MinimumFunctionality.rows(strict.mft().get(0), data);
        Predictions again = model.predict(rows);
        for (Failure f : mft) {
            int row = Integer.parseInt(f.rowKey().substring(f.rowKey().lastIndexOf(':') + 1)) - 1;
            assertThat(data.target().classes().get(again.predictedClass(row))).isEqualTo("No");
        }
        assertThat(o.failures()).noneMatch(f -> f.origin().equals("probe:mft-loyal-two-year-customers-stay"));
        assertThat(o.failures()).extracting(Failure::id).doesNotHaveDuplicates();
        // A tolerance as wide as the probability scale: the DIR expectation holds everywhere.
        ProbeOutcome lenient = ProbeRunner.run(SuiteFile.parse(SUITE.replace("TOL", "1"), "suite.yaml"), model, data, baseline, 42,
                "run", 1, Progress.NONE);
        assertThat(lenient.failures()).noneMatch(f -> f.origin().equals("probe:longer-tenure"));
    }

    @Test
    void everyLevelHasADropIntervalAroundItsDropAndItsWorstExamples() {
        ProbeOutcome o = ProbeRunner.run(ProbeSuite.defaults(data.test()), model, data, baseline, 42, "run", 1, Progress.NONE);
        assertThat(o.results()).hasSizeGreaterThanOrEqualTo(20);
        for (ProbeResult r : o.results()) {
            assertThat(r.dropLow()).as(r.id()).isLessThanOrEqualTo(r.drop() + 1e-12);
            assertThat(r.dropHigh()).as(r.id()).isGreaterThanOrEqualTo(r.drop() - 1e-12);
            assertThat(r.dropHigh() - r.dropLow()).as(r.id()).isLessThan(0.1);
            List<ProbeExample> worst = o.examples().stream().filter(e -> e.probe().equals(r.id()) && e.level() == r.level()).toList();
            assertThat(worst).as(r.id()).hasSizeBetween(1, 5);
            for (int i = 1; i < worst.size(); i++) {
                assertThat(Math.abs(worst.get(i - 1).scoreAfter() - worst.get(i - 1).scoreBefore()))
                        .isGreaterThanOrEqualTo(Math.abs(worst.get(i).scoreAfter() - worst.get(i).scoreBefore()));
            }
            for (ProbeExample e : worst) {
                int row = data.testKeys().indexOf(e.rowKey());
                assertThat(e.scoreBefore()).isEqualTo(baseline.probability(row, data.target().classes().indexOf(e.predictedBefore())));
                assertThat(e.original().keySet()).isEqualTo(e.perturbed().keySet()).isNotEmpty();
                e.original().forEach((k, v) -> assertThat(v).isEqualTo(data.test().column(k).value(row)));
            }
        }
        // A probe that changes nothing has a zero-width interval at zero and no examples.
        ProbeOutcome none = ProbeRunner.run(List.of(new AtLevels(Probes.find("scale"), List.of(0.0))), model, data, baseline, 42,
                "run", 1, Progress.NONE);
        assertThat(none.results().get(0).dropLow()).isZero();
        assertThat(none.results().get(0).dropHigh()).isZero();
        assertThat(none.examples()).isEmpty();
    }

    @Test
    void regressionSuitesReportMaeDropsWithIntervalsAndJudgeDirections() {
        Table ames = TableReaders.read(telco().resolveSibling("ames_housing.csv"), ReadOptions.DEFAULT);
        ScanData houses = ScanData.prepare(ames, null, ScanSpec.of("Sale_Price"));
        Model tree = ModelProviders.find("test:tree").trainer().train(houses.train(), houses.target(), 42, Progress.NONE);
        Predictions before = tree.predict(houses.test());
        ProbeSuite suite = SuiteFile.parse("""
                probes:
                  - id: edge-values
                    levels: [1]
                  - id: unseen-category
                    levels: [1]
                  - id: shift
                    name: bigger-house
                    columns: [Gr_Liv_Area]
                    levels: [1]
                    expect: {direction: up, tolerance: 0}
                """, "ames.yaml");
        ProbeOutcome o = ProbeRunner.run(suite, tree, houses, before, 42, "run", 1, Progress.NONE);
        assertThat(o.results()).hasSize(3).allSatisfy(r -> {
            assertThat(r.metric()).isEqualTo("mae");
            assertThat(r.dropLow()).isLessThanOrEqualTo(r.drop() + 1e-9);
            assertThat(r.dropHigh()).isGreaterThanOrEqualTo(r.drop() - 1e-9);
        });
        assertThat(o.results().get(0).drop()).isPositive();
        assertThat(o.examples()).isNotEmpty().allSatisfy(e -> assertThat(e.scoreOf()).isEqualTo("prediction"));
        // DIR up: the failures are exactly the houses whose predicted price falls when the living area grows.
        Predictions bigger = tree.predict(suite.probes().get(2).perturb(houses.test(), 1, 42));
        List<String> falling = new java.util.ArrayList<>();
        for (int i = 0; i < houses.test().rowCount(); i++) {
            if (bigger.value(i) < before.value(i)) {
                falling.add(houses.testKeys().get(i));
            }
        }
        assertThat(o.failures().stream().filter(f -> f.origin().equals("probe:bigger-house")).map(Failure::rowKey).toList())
                .isEqualTo(falling);
    }

    static Path telco() {
        String project = System.getProperty("failforward.root", System.getProperty("user.dir"));
        for (Path p = Path.of(project).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("datasets/tabular"))) {
                return p.resolve("datasets/tabular/telco_churn.csv");
            }
        }
        throw new IllegalStateException("the datasets/ folder was not found from " + project);
    }
}
