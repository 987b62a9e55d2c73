package dev.failforward.explain;

import dev.failforward.data.CsvTableReader;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.Task;
import dev.failforward.progress.Progress;
import dev.failforward.support.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * KernelSHAP, permutation SHAP and LIME on the iris measurements, scored by known functions so
 * the right attributions can be computed independently: for an additive function every method
 * must give coefficient × (x − background mean) exactly; with an interaction, exact KernelSHAP
 * (all coalitions fit the budget with four columns) must equal brute-force Shapley values.
 */
class ModelAgnosticExplainersTest {

    private static final List<String> COLUMNS = List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)");

    /** A regression "model" that is a plain function of a row's four measurements. */
    private record FunctionModel(ToDoubleFunction<double[]> f) implements Model {
        @Override
        public String id() {
            return "test:function";
        }

        @Override
        public Target target() {
            return new Target("y", Task.REGRESSION, List.of());
        }

        @Override
        public Predictions predict(Table rows) {
            double[] out = new double[rows.rowCount()];
            double[] x = new double[COLUMNS.size()];
            for (int r = 0; r < out.length; r++) {
                for (int j = 0; j < x.length; j++) {
                    x[j] = ((NumericColumn) rows.column(COLUMNS.get(j))).get(r);
                }
                out[r] = f.applyAsDouble(x);
            }
            return Predictions.ofValues(out);
        }

        @Override
        public String fingerprint() {
            return "function";
        }
    }

    private static Table iris() {
        Table t = new CsvTableReader().read(Datasets.tabular("iris.csv"), ReadOptions.DEFAULT);
        return t.project(COLUMNS);
    }

    private static Table rows(Table all, int... idx) {
        return all.select(idx);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kernelshap", "permutation", "lime"})
    void additiveFunctionsAreExplainedExactly(String method) {
        double[] coef = {2, -1, 0.5, 3};
        Model model = new FunctionModel(x -> coef[0] * x[0] + coef[1] * x[1] + coef[2] * x[2] + coef[3] * x[3]);
        Table all = iris();
        Table background = all.select(java.util.stream.IntStream.range(0, 150).filter(i -> i % 3 == 0).toArray());
        Table explained = rows(all, 1, 60, 120);
        List<Explanation> out = Explainers.find(method).explain(model, new ExplainRequest(explained,
                Collections.nCopies(3, null), background, 7, 2, Progress.NONE));
        for (int r = 0; r < 3; r++) {
            Explanation e = out.get(r);
            for (int j = 0; j < 4; j++) {
                String name = COLUMNS.get(j);
                double x = ((NumericColumn) explained.column(name)).get(r);
                double mean = java.util.Arrays.stream(((NumericColumn) background.column(name)).values()).average().orElseThrow();
                double expected = coef[j] * (x - mean);
                assertThat(value(e, name)).as("%s row %d %s", method, r, name).isCloseTo(expected, within(1e-9));
            }
            assertThat(e.fidelity().value()).isCloseTo(method.equals("permutation") ? 0 : 1, within(1e-9));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kernelshap", "permutation", "lime"})
    void aKMeansBackgroundIsAWeightedSummaryTheAttributionsMeasureFrom(String method) {
        double[] coef = {2, -1, 0.5, 3};
        Model model = new FunctionModel(x -> coef[0] * x[0] + coef[1] * x[1] + coef[2] * x[2] + coef[3] * x[3]);
        Table all = iris();
        Table explained = rows(all, 1, 60, 120);
        KMeansBackground.Summary summary = KMeansBackground.of(all, KernelShapExplainer.DEFAULT_BACKGROUND, 7);
        assertThat(summary.rows().rowCount()).isBetween(2, KernelShapExplainer.DEFAULT_BACKGROUND);
        assertThat(java.util.Arrays.stream(summary.weights()).sum()).isCloseTo(1, within(1e-12));
        assertThat(KMeansBackground.of(all, KernelShapExplainer.DEFAULT_BACKGROUND, 7)).usingRecursiveComparison().isEqualTo(summary);
        List<Explanation> out = Explainers.find(method).explain(model, new ExplainRequest(explained,
                Collections.nCopies(3, null), all, 7, 2, Progress.NONE, BackgroundSummary.KMEANS));
        for (int j = 0; j < 4; j++) {
            String name = COLUMNS.get(j);
            double[] b = ((NumericColumn) summary.rows().column(name)).values();
            double weighted = 0;
            for (int i = 0; i < b.length; i++) {
                weighted += summary.weights()[i] * b[i];
            }
            double[] full = ((NumericColumn) all.column(name)).values();
            double mean = java.util.Arrays.stream(full).average().orElseThrow();
            double sd = Math.sqrt(java.util.Arrays.stream(full).map(v -> (v - mean) * (v - mean)).sum() / (full.length - 1));
            // Weighted by cluster sizes, the representatives keep the background's mean closely.
            assertThat(Math.abs(weighted - mean)).as(name).isLessThan(0.1 * sd);
            for (int r = 0; r < 3; r++) {
                double x = ((NumericColumn) explained.column(name)).get(r);
                assertThat(value(out.get(r), name)).as("%s row %d %s", method, r, name).isCloseTo(coef[j] * (x - weighted), within(1e-9));
            }
        }
        assertThatThrownBy(() -> BackgroundSummary.of("median")).hasMessageContaining("known: sample, kmeans");
    }

    @Test
    void exactKernelShapEqualsBruteForceShapleyValuesWithInteractions() {
        Model model = new FunctionModel(x -> x[0] * x[1] + Math.max(0, x[2] - 3) * x[3] + (x[1] > 3 ? 1 : 0));
        Table all = iris();
        Table background = all.select(new int[] {0, 10, 55, 70, 101, 130, 149});
        Table explained = rows(all, 5, 77, 140);
        List<Explanation> out = new KernelShapExplainer().explain(model, new ExplainRequest(explained,
                Collections.nCopies(3, null), background, 3, 1, Progress.NONE));
        Hybrids hybrids = new Hybrids(explained, background, COLUMNS);
        for (int r = 0; r < 3; r++) {
            // v(S): the mean output with the columns in S taken from the row, others from the background.
            double[] v = new double[16];
            boolean[] known = new boolean[16 * 4];
            for (int s = 0; s < 16; s++) {
                for (int j = 0; j < 4; j++) {
                    known[s * 4 + j] = (s & (1 << j)) != 0;
                }
            }
            double[] values = CoalitionValues.of(model, hybrids, r, known, 16, null);
            System.arraycopy(values, 0, v, 0, 16);
            double sum = 0;
            for (int j = 0; j < 4; j++) {
                double phi = 0;
                for (int s = 0; s < 16; s++) {
                    if ((s & (1 << j)) != 0) {
                        continue;
                    }
                    int size = Integer.bitCount(s);
                    double w = factorial(size) * factorial(4 - size - 1) / factorial(4);
                    phi += w * (v[s | (1 << j)] - v[s]);
                }
                assertThat(value(out.get(r), COLUMNS.get(j))).isCloseTo(phi, within(1e-8));
                sum += phi;
            }
            assertThat(sum).isCloseTo(out.get(r).value() - out.get(r).baseValue(), within(1e-9));
            assertThat(Math.abs(sum)).isGreaterThan(0.1);
        }
    }

    @Test
    void sampledKernelShapIsSeededAndIndependentOfThreads() {
        // A budget of 8 coalitions, below the 14 of four columns, forces sampling.
        Model model = new FunctionModel(x -> x[0] * x[1] + x[2] * x[3]);
        Table all = iris();
        Table explained = rows(all, 3, 50, 100, 149);
        KernelShapExplainer sampled = new KernelShapExplainer(8, 20);
        List<Explanation> one = sampled.explain(model, new ExplainRequest(explained, Collections.nCopies(4, null), all, 11, 1, Progress.NONE));
        List<Explanation> two = sampled.explain(model, new ExplainRequest(explained, Collections.nCopies(4, null), all, 11, 3, Progress.NONE));
        assertThat(two).usingRecursiveComparison().isEqualTo(one);
        for (Explanation e : one) {
            double sum = e.attributions().stream().mapToDouble(Attribution::value).sum();
            assertThat(e.baseValue() + sum).isCloseTo(e.value(), within(1e-9));
            assertThat(e.fidelity().measure()).isEqualTo(Fidelity.R2);
        }
        assertThat(sampled.evaluationsPerRow(4, 100)).isEqualTo((8 + 2) * 20L);
    }

    @Test
    void unknownMethodsListTheKnownOnes() {
        assertThatThrownBy(() -> Explainers.find("shapley"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, kernelshap, lime, permutation, treeshap");
        Model model = new FunctionModel(x -> x[0]);
        assertThat(Explainers.choose("auto", model).id()).isEqualTo("kernelshap");
        assertThatThrownBy(() -> Explainers.choose("treeshap", model)).hasMessageContaining("not a tree ensemble");
    }

    private static double value(Explanation e, String feature) {
        return e.attributions().stream().filter(a -> a.feature().equals(feature)).mapToDouble(Attribution::value).findFirst().orElse(0);
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }
}
