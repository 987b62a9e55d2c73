package dev.failforward.explain;

import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Predictions;
import dev.failforward.model.builtin.BoostedTribuoModel;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The built-in gbm's trees stand in for it in model-agnostic explainers: coalition values computed
 * on the trees equal those of hybrid rows scored through Tribuo to 1e-6 (binary with missing
 * values, three classes), and KernelSHAP gives the same attributions either way. A regression gbm,
 * whose target Tribuo rescales, is left to the model.
 */
class EnsembleCoalitionsTest {

    @ParameterizedTest
    @CsvSource({"telco_churn.csv, churn, true", "credit_data.csv, Status, true", "iris.csv, species, true",
            "ames_housing.csv, Sale_Price, false"})
    void treesGiveTheModelsCoalitionValues(String file, String target, boolean used) {
        Table table = TableReaders.read(Path.of(System.getProperty("failforward.root"), "datasets", "tabular", file), ReadOptions.DEFAULT);
        ScanData data = ScanData.prepare(table, null, ScanSpec.of(target));
        Model model = BoostedTribuoModel.explainable(
                ModelProviders.find("builtin:gbm").trainer().train(data.train(), data.target(), 42, Progress.NONE));
        List<String> columns = data.train().features().stream().map(c -> c.name()).toList();
        Table rows = data.test().project(columns).select(new int[] {0, 1, 2, 3, 4, 5});
        Table background = CoalitionValues.sample(data.train().project(columns), 40, 7);
        EnsembleCoalitions trees = EnsembleCoalitions.of(model, rows, background, columns, uniform(background.rowCount()));
        if (!used) {
            assertThat(trees).isNull();
            return;
        }
        assertThat(trees).isNotNull();
        Hybrids tables = new Hybrids(rows, background, columns);
        Predictions p = model.predict(rows);
        int m = columns.size();
        int coalitions = 30;
        SplittableRandom random = new SplittableRandom(3);
        boolean[] known = new boolean[coalitions * m];
        for (int i = 0; i < known.length; i++) {
            known[i] = random.nextBoolean();
        }
        for (int r = 0; r < rows.rowCount(); r++) {
            for (String output : p.classes()) {
                double[] ours = trees.values(r, known, coalitions, m, output);
                double[] tribuo = CoalitionValues.of(model, tables, r, known, coalitions, output);
                for (int s = 0; s < coalitions; s++) {
                    assertThat(ours[s]).as("row %d class %s coalition %d", r, output, s).isCloseTo(tribuo[s], within(1e-6));
                }
            }
        }
        List<String> outputs = new ArrayList<>();
        for (int r = 0; r < rows.rowCount(); r++) {
            outputs.add(p.classes().get(p.predictedClass(r)));
        }
        ExplainRequest request = new ExplainRequest(rows, outputs, data.train().project(columns), 5, 1, Progress.NONE);
        List<Explanation> fast = new KernelShapExplainer(64, 20).explain(model, request);
        // The same model hidden behind a plain Model: scored through Tribuo.
        Model opaque = new Model() {
            public String id() { return model.id(); }
            public dev.failforward.model.Target target() { return model.target(); }
            public Predictions predict(Table t) { return model.predict(t); }
            public String fingerprint() { return model.fingerprint(); }
        };
        List<Explanation> slow = new KernelShapExplainer(64, 20).explain(opaque, request);
        for (int r = 0; r < fast.size(); r++) {
            assertThat(fast.get(r).value()).isCloseTo(slow.get(r).value(), within(1e-6));
            for (Attribution a : fast.get(r).attributions()) {
                double other = slow.get(r).attributions().stream().filter(b -> b.feature().equals(a.feature())).findFirst().orElseThrow().value();
                assertThat(a.value()).as(a.feature()).isCloseTo(other, within(1e-5));
            }
        }
    }

    /**
     * The tabled form (trees where the rows part more than once summed per set of deciding columns)
     * gives the plain per-coalition walks' values, at KernelSHAP's budget on real data.
     */
    @ParameterizedTest
    @CsvSource({"telco_churn.csv, churn", "credit_data.csv, Status", "iris.csv, species"})
    void tablesEqualThePlainWalks(String file, String target) {
        Table table = TableReaders.read(Path.of(System.getProperty("failforward.root"), "datasets", "tabular", file), ReadOptions.DEFAULT);
        ScanData data = ScanData.prepare(table, null, ScanSpec.of(target));
        Model model = BoostedTribuoModel.explainable(
                ModelProviders.find("builtin:gbm").trainer().train(data.train(), data.target(), 42, Progress.NONE));
        List<String> columns = data.train().features().stream().map(c -> c.name()).toList();
        Table rows = data.test().project(columns).select(new int[] {0, 1, 2, 3});
        Table background = CoalitionValues.sample(data.train().project(columns), 100, 7);
        EnsembleCoalitions trees = EnsembleCoalitions.of(model, rows, background, columns, uniform(background.rowCount()));
        assertThat(trees).isNotNull();
        int m = columns.size();
        int coalitions = 202;
        SplittableRandom random = new SplittableRandom(11);
        boolean[] known = new boolean[coalitions * m];
        for (int s = 0; s < coalitions; s++) {
            // Coalitions of every size, as KernelSHAP samples them (1 to m − 1 known columns).
            int size = 1 + random.nextInt(Math.max(1, m - 1));
            for (int j = 0; j < size; j++) {
                known[s * m + random.nextInt(m)] = true;
            }
        }
        String output = model.predict(rows).classes().get(0);
        for (int r = 0; r < rows.rowCount(); r++) {
            double[] tabled = trees.values(r, known, coalitions, m, output, true);
            double[] plain = trees.values(r, known, coalitions, m, output, false);
            for (int s = 0; s < coalitions; s++) {
                assertThat(tabled[s]).as("row %d coalition %d", r, s).isCloseTo(plain[s], within(1e-12));
            }
        }
    }

    private static double[] uniform(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        return w;
    }
}
