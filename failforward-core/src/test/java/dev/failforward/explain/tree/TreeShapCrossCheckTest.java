package dev.failforward.explain.tree;

import dev.failforward.explain.tree.TreeShapValues.Algorithm;
import dev.failforward.model.tree.TreeEnsemble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Our TreeSHAP against XGBoost's own ({@code pred_contribs}) on models trained by Debian's Python
 * XGBoost 1.7.4 (scripts/fixtures/treeshap_xgboost.py): the credit data (binary, with missing
 * values) and iris (three classes, missing values planted).
 */
class TreeShapCrossCheckTest {

    @ParameterizedTest
    @CsvSource({"credit, FAST, 1", "credit, PATH, 1", "credit, FAST, 3", "iris, FAST, 1", "iris, PATH, 2"})
    void matchesXgboostPredContribs(String name, Algorithm algorithm, int threads) throws IOException {
        TreeEnsemble ensemble = TreeEnsemble.fromXgboostJson(resource(name + "-xgboost.json"));
        double[][] rows = csv(name + "-rows.csv", true);
        double[][] reference = csv(name + "-contribs.csv", false);
        int n = rows.length;
        int features = ensemble.featureCount();
        int groups = ensemble.groups();
        double[] flat = new double[n * features];
        for (int r = 0; r < n; r++) {
            System.arraycopy(rows[r], 0, flat, r * features, features);
        }
        double[] shap = TreeShapValues.compute(ensemble, flat, n, threads, algorithm);
        double[] margins = ensemble.margins(flat, n);
        int width = groups * (features + 1);
        assertThat(reference[0]).hasSize(width + groups);
        double largest = 0;
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < width; i++) {
                assertThat(shap[r * width + i]).as("row %d value %d", r, i).isCloseTo(reference[r][i], within(1e-5));
                largest = Math.max(largest, Math.abs(reference[r][i]));
            }
            for (int g = 0; g < groups; g++) {
                double sum = 0;
                for (int f = 0; f <= features; f++) {
                    sum += shap[r * width + g * (features + 1) + f];
                }
                // Additivity: attributions plus expected value give the model's margin, ours and XGBoost's.
                assertThat(sum).as("row %d group %d", r, g).isCloseTo(margins[r * groups + g], within(1e-6));
                assertThat(margins[r * groups + g]).isCloseTo(reference[r][width + g], within(1e-5));
            }
        }
        assertThat(largest).as("the fixture explains something").isGreaterThan(0.1);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = TreeShapCrossCheckTest.class.getResourceAsStream("/dev/failforward/explain/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    static double[][] csv(String name, boolean header) throws IOException {
        String[] lines = new String(resource(name), StandardCharsets.UTF_8).split("\n");
        List<double[]> out = new ArrayList<>();
        for (int i = header ? 1 : 0; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                row[c] = cells[c].isEmpty() ? Double.NaN : Double.parseDouble(cells[c]);
            }
            out.add(row);
        }
        return out.toArray(double[][]::new);
    }
}
