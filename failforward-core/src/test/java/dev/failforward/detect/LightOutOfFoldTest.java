package dev.failforward.detect;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;
import dev.failforward.progress.Progress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LightOutOfFoldTest {

    /** n rows: x informative, noise not, a category whose level b shifts the class, some x missing; y from a logistic model. */
    private static Object[] data(int n, int classes, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        double[] noise = new double[n];
        int[] cat = new int[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
            noise[i] = random.nextGaussian() * 100;
            cat[i] = random.nextInt(3);
            double z = 3 * x[i] + (cat[i] == 1 ? 1.5 : 0) + random.nextGaussian() * 0.5;
            y[i] = classes == 2 ? (z > 0 ? 1 : 0) : z < -1 ? 0 : z < 1 ? 1 : 2;
            if (i % 17 == 0) {
                x[i] = Double.NaN;
            }
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new NumericColumn("x", x));
        columns.add(new NumericColumn("noise", noise));
        columns.add(new CategoricalColumn("cat", ColumnType.CATEGORICAL, List.of("a", "b", "c"), cat));
        return new Object[]{Table.of("t", columns), y};
    }

    @Test
    void encodesNumbersWithMissingIndicatorsAndCategoriesOneHot() {
        Table t = (Table) data(200, 2, 1)[0];
        LightOutOfFold.Matrix m = LightOutOfFold.encode(t);
        // x, x missing, noise, three levels of cat
        assertThat(m.width()).isEqualTo(6);
        double mean = 0;
        for (double v : m.columns()[2]) {
            mean += v / 200;
        }
        assertThat(mean).isCloseTo(0, within(1e-9));
    }

    @Test
    void aTextFeatureCannotBeEncoded() {
        Table t = Table.of("t", List.of(new NumericColumn("x", new double[]{1, 2, 3}),
                new TextColumn("review", new String[]{"good", "bad", "fine"})));
        assertThat(LightOutOfFold.encode(t)).isNull();
    }

    @Test
    void outOfFoldProbabilitiesPredictWellSumToOneAndDoNotDependOnTheRun() {
        for (int classes : new int[]{2, 3}) {
            Object[] d = data(600, classes, 2);
            int[] y = (int[]) d[1];
            LightOutOfFold.Matrix m = LightOutOfFold.encode((Table) d[0]);
            double[] p = LightOutOfFold.probabilities(m, y, classes, 5, 42, Progress.NONE);
            int right = 0;
            for (int i = 0; i < y.length; i++) {
                double sum = 0;
                int best = 0;
                for (int c = 0; c < classes; c++) {
                    sum += p[i * classes + c];
                    if (p[i * classes + c] > p[i * classes + best]) {
                        best = c;
                    }
                }
                assertThat(sum).isCloseTo(1, within(1e-9));
                right += best == y[i] ? 1 : 0;
            }
            assertThat((double) right / y.length).as("accuracy, %d classes", classes).isGreaterThan(0.8);
            assertThat(LightOutOfFold.probabilities(m, y, classes, 5, 42, Progress.NONE)).containsExactly(p);
        }
    }

    @Test
    void lbfgsFindsTheMinimumOfAQuadratic() {
        // f(w) = Σ (i+1)·(w_i − i)²
        double[] w = LightOutOfFold.lbfgs((v, g) -> {
            double f = 0;
            for (int i = 0; i < v.length; i++) {
                f += (i + 1) * (v[i] - i) * (v[i] - i);
                g[i] = 2 * (i + 1) * (v[i] - i);
            }
            return f;
        }, new double[5], 100);
        for (int i = 0; i < 5; i++) {
            assertThat(w[i]).isCloseTo(i, within(1e-3));
        }
    }
}
