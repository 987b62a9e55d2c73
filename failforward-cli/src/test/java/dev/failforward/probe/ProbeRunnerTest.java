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
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Probes against the built-in GBM trained on real Telco churn data. */
class ProbeRunnerTest {

    static ScanData data;
    static Model model;
    static Predictions baseline;

    @BeforeAll
    static void train() {
        Table telco = TableReaders.read(telco(), ReadOptions.DEFAULT);
        data = ScanData.prepare(telco, null, ScanSpec.of("churn"));
        model = ModelProviders.find("builtin:gbm").trainer().train(data.train(), data.target(), 42, Progress.NONE);
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
