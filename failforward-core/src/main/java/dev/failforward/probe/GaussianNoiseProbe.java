package dev.failforward.probe;

import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.List;
import java.util.SplittableRandom;

/** Adds Gaussian noise to every numeric feature, with standard deviation {@code level} times the feature's own. */
public final class GaussianNoiseProbe implements Probe {

    @Override
    public String id() {
        return "gaussian-noise";
    }

    @Override
    public String description() {
        return "Gaussian noise on numeric features, level × each feature's standard deviation";
    }

    @Override
    public List<Double> levels() {
        return List.of(0.1, 0.25, 0.5);
    }

    @Override
    public boolean appliesTo(Table test) {
        return !Columns.numericFeatures(test).isEmpty();
    }

    @Override
    public Table perturb(Table test, double level, long seed) {
        List<NumericColumn> columns = Columns.numericFeatures(test);
        double[] sd = columns.stream().mapToDouble(Columns::spread).toArray();
        double[][] out = new double[columns.size()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = columns.get(c).values().clone();
        }
        if (level != 0) {
            for (int r = 0; r < test.rowCount(); r++) {
                SplittableRandom random = RowRandom.of(seed, id(), level, r);
                for (int c = 0; c < out.length; c++) {
                    double noise = gaussian(random);
                    if (!Double.isNaN(out[c][r])) {
                        out[c][r] += noise * level * sd[c];
                    }
                }
            }
        }
        Table result = test;
        for (int c = 0; c < out.length; c++) {
            result = result.replace(new NumericColumn(columns.get(c).name(), out[c]));
        }
        return result;
    }

    /** A standard normal draw (Box-Muller), so the stream is fully determined by the row's generator. */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
