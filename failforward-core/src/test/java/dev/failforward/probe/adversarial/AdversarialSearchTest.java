package dev.failforward.probe.adversarial;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Adversarial search against the built-in GBM trained on real Telco churn data. */
class AdversarialSearchTest {

    static ScanData data;
    static Model model;
    static Predictions baseline;
    static AdversarialOutcome full;

    @BeforeAll
    static void attackTelco() {
        data = ScanData.prepare(TableReaders.read(dataset("telco_churn.csv"), ReadOptions.DEFAULT), null, ScanSpec.of("churn"));
        model = ModelProviders.find("test:logistic").trainer().train(data.train(), data.target(), 42, Progress.NONE);
        baseline = model.predict(data.test());
        full = AdversarialSearch.run(model, data, baseline, AdversarialSettings.defaults(42), Progress.NONE);
    }

    @Test
    void flipsMostCorrectlyPredictedRowsAtTheDefaultBudgetAndEveryExampleRescoresAsFlipped() {
        AdversarialSummary s = full.summary();
        int correct = 0;
        for (int i = 0; i < data.test().rowCount(); i++) {
            correct += baseline.predictedClass(i) == ScanData.labels(data.test(), data.target())[i] ? 1 : 0;
        }
        assertThat(s.correct()).isEqualTo(correct);
        assertThat(s.attempted()).isEqualTo(correct); // Telco's ~1,700 correct rows are under the default cap
        assertThat(s.successRate()).isGreaterThanOrEqualTo(0.5);
        assertThat(s.succeeded()).isEqualTo(full.examples().size());
        assertThat(s.maxEvaluations()).isLessThanOrEqualTo(s.budget() + 200);
        assertThat(s.medianDistance()).isPositive().isLessThan(5);
        // Re-score every example independently, from its logged values, in a fresh table.
        Predictions again = model.predict(tableOf(full.examples().stream().map(AdversarialExample::adversarial).toList()));
        List<String> classes = data.target().classes();
        for (int i = 0; i < full.examples().size(); i++) {
            AdversarialExample x = full.examples().get(i);
            assertThat(classes.get(again.predictedClass(i))).as("row " + x.rowKey()).isEqualTo(x.predicted())
                    .isNotEqualTo(x.expected());
            assertThat(classes.get(baseline.predictedClass(x.row()))).isEqualTo(x.expected());
            assertThat(x.changed()).isNotEmpty();
            for (String c : x.original().keySet()) {
                assertThat(x.changed().contains(c)).as(c).isEqualTo(!java.util.Objects.equals(x.original().get(c), x.adversarial().get(c)));
            }
        }
    }

    @Test
    void changesStayWithinTrainingRangesAndLevelsAndDistanceIsScaledL1() {
        Map<String, double[]> ranges = new java.util.HashMap<>();
        Map<String, Double> sds = new java.util.HashMap<>();
        for (Column c : data.train().features()) {
            if (c instanceof NumericColumn n) {
                ranges.put(c.name(), new double[] {java.util.Arrays.stream(n.values()).filter(Double::isFinite).min().orElseThrow(),
                        java.util.Arrays.stream(n.values()).filter(Double::isFinite).max().orElseThrow()});
                sds.put(c.name(), sd(n.values()));
            }
        }
        for (AdversarialExample x : full.examples()) {
            double distance = 0;
            for (String c : x.changed()) {
                Object v = x.adversarial().get(c);
                if (ranges.containsKey(c)) {
                    double d = (Double) v;
                    assertThat(d).as(c).isBetween(ranges.get(c)[0], ranges.get(c)[1]);
                    distance += Math.abs(d - (Double) x.original().get(c)) / sds.get(c);
                } else {
                    assertThat(levels(c)).as(c).contains(String.valueOf(v));
                    distance += 1;
                }
            }
            assertThat(x.distance()).isCloseTo(distance, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void immutableColumnsAndDeclaredBoundsAreRespected() {
        AdversarialSettings settings = new AdversarialSettings(300, 150, List.of("contract", "tenure"),
                Map.of("monthly_charges", new Bound("monthly_charges", 40, 80)), 7);
        AdversarialOutcome o = AdversarialSearch.run(model, data, baseline, settings, Progress.NONE);
        assertThat(o.summary().attempted()).isEqualTo(150);
        assertThat(o.summary().succeeded()).isPositive();
        for (AdversarialExample x : o.examples()) {
            assertThat(x.changed()).doesNotContain("contract", "tenure");
            assertThat(x.adversarial().get("contract")).isEqualTo(x.original().get("contract"));
            if (x.changed().contains("monthly_charges")) {
                assertThat((Double) x.adversarial().get("monthly_charges")).isBetween(40.0, 80.0);
            }
        }
        assertThat(o.summary().features()).doesNotContainKeys("contract", "tenure");
    }

    @Test
    void resultsDoNotDependOnThreadsAndTheSampleOnTheSeed() throws Exception {
        AdversarialSettings settings = new AdversarialSettings(200, 60, List.of(), Map.of(), 3);
        AdversarialOutcome one = new ForkJoinPool(1).submit(
                () -> AdversarialSearch.run(model, data, baseline, settings, Progress.NONE)).get();
        AdversarialOutcome four = new ForkJoinPool(4).submit(
                () -> AdversarialSearch.run(model, data, baseline, settings, Progress.NONE)).get();
        assertThat(four).isEqualTo(one);
        AdversarialOutcome other = AdversarialSearch.run(model, data, baseline,
                new AdversarialSettings(200, 60, List.of(), Map.of(), 4), Progress.NONE);
        Set<Integer> a = new HashSet<>(one.examples().stream().map(AdversarialExample::row).toList());
        Set<Integer> b = new HashSet<>(other.examples().stream().map(AdversarialExample::row).toList());
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void verifiedExamplesBecomeProbeFailuresWithTheirParameters() {
        List<Failure> failures = AdversarialFailures.of(full, "run", 10);
        assertThat(failures).hasSize(full.examples().size());
        Failure f = failures.get(0);
        AdversarialExample x = full.examples().get(0);
        assertThat(f.id()).isEqualTo("run-10");
        assertThat(f.origin()).isEqualTo("probe:adversarial");
        assertThat(f.input()).isEqualTo(x.original());
        assertThat(f.perturbation().perturbedInput()).isEqualTo(x.adversarial());
        assertThat(f.perturbation().params()).containsKeys("distance", "changed", "evaluations")
                .containsEntry("changed", String.join(",", x.changed()))
                .containsEntry("evaluations", Integer.toString(x.evaluations()));
        assertThat(Double.parseDouble(f.perturbation().params().get("distance"))).isCloseTo(x.distance(),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(f.expected()).isEqualTo(x.expected()).isNotEqualTo(f.predicted());
        assertThat(f.causeTags()).contains("adversarial");
    }

    @Test
    void badSettingsFailWithOneClearMessage() {
        assertThatThrownBy(() -> AdversarialSearch.check(data, new AdversarialSettings(100, 10, List.of("nope"), Map.of(), 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope").hasMessageContaining("tenure");
        assertThatThrownBy(() -> AdversarialSearch.check(data, new AdversarialSettings(100, 10, List.of(),
                Map.of("contract", new Bound("contract", 0, 1)), 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a numeric feature");
        assertThatThrownBy(() -> new AdversarialSettings(0, 10, List.of(), Map.of(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budget");
        assertThatThrownBy(() -> Bound.parse("tenure=5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("COLUMN=LOW:HIGH");
        assertThat(Bound.parse("tenure=:60")).satisfies(b -> {
            assertThat(b.low()).isNaN();
            assertThat(b.high()).isEqualTo(60);
        });
        ScanData ames = ScanData.prepare(TableReaders.read(dataset("ames_housing.csv"), ReadOptions.DEFAULT), null,
                ScanSpec.of("Sale_Price"));
        assertThatThrownBy(() -> AdversarialSearch.check(ames, AdversarialSettings.defaults(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classification");
    }

    /** The rows as a table with the test table's column types; categories get their own dictionaries. */
    static Table tableOf(List<Map<String, Object>> rows) {
        List<Column> columns = new ArrayList<>();
        for (Column c : data.test().columns()) {
            if (!rows.get(0).containsKey(c.name())) {
                continue;
            }
            if (c instanceof NumericColumn) {
                columns.add(new NumericColumn(c.name(), rows.stream().mapToDouble(r -> r.get(c.name()) == null ? Double.NaN
                        : ((Number) r.get(c.name())).doubleValue()).toArray()));
            } else {
                List<String> levels = rows.stream().map(r -> String.valueOf(r.get(c.name()))).distinct().sorted().toList();
                int[] codes = rows.stream().mapToInt(r -> levels.indexOf(String.valueOf(r.get(c.name())))).toArray();
                columns.add(new CategoricalColumn(c.name(), c.type() == ColumnType.BOOLEAN ? ColumnType.BOOLEAN
                        : ColumnType.CATEGORICAL, levels, codes));
            }
        }
        return Table.of("adversarial rows", columns);
    }

    static Set<String> levels(String column) {
        Column c = data.train().column(column);
        Set<String> out = new HashSet<>();
        for (int r = 0; r < c.size(); r++) {
            out.add(c.text(r));
        }
        return out;
    }

    static double sd(double[] v) {
        double[] x = java.util.Arrays.stream(v).filter(Double::isFinite).toArray();
        double mean = java.util.Arrays.stream(x).average().orElse(0);
        return Math.sqrt(java.util.Arrays.stream(x).map(d -> (d - mean) * (d - mean)).sum() / (x.length - 1));
    }

    static Path dataset(String name) {
        String project = System.getProperty("failforward.root", System.getProperty("user.dir"));
        for (Path p = Path.of(project).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("datasets/tabular"))) {
                return p.resolve("datasets/tabular").resolve(name);
            }
        }
        throw new IllegalStateException("the datasets/ folder was not found from " + project);
    }
}
