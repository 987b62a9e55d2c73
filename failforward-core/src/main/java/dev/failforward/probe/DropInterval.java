package dev.failforward.probe;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A 95% confidence interval for a probe level's metric drop by the paired bootstrap over rows: each
 * row contributes its own difference (for accuracy: right before minus right after; for mae: error
 * after minus error before), rows are resampled with replacement {@value #RESAMPLES} times and the
 * 2.5% and 97.5% percentiles of the mean difference are the bounds. Pairing keeps each row's two
 * outcomes together, so the interval reflects the perturbation, not the test set's own spread.
 * Seeded, so the same run gives the same interval.
 */
public final class DropInterval {

    public static final int RESAMPLES = 500;

    private DropInterval() {
    }

    /** {low, high} for the mean of {@code differences}; NaN for no rows. */
    public static double[] of(double[] differences, long seed, String probe, double level) {
        int n = differences.length;
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SplittableRandom random = RowRandom.of(seed, "drop-interval:" + probe, level, -1);
        double[] means = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += differences[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        return new double[] {means[(int) Math.floor(0.025 * (RESAMPLES - 1))], means[(int) Math.ceil(0.975 * (RESAMPLES - 1))]};
    }
}
