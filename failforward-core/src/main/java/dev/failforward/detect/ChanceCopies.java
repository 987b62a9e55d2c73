package dev.failforward.detect;

import dev.failforward.data.Table;
import org.apache.commons.math3.special.Gamma;

import java.util.List;

/**
 * How many test rows would equal a rare combination of training values by chance alone. With the
 * columns taken as independent, a test row's values occur in a given training row with probability
 * Π p_j (each value's share of the training rows), so the number of training rows it equals is about
 * Poisson(λ = n · Π p_j); it repeats a rare combination (1 to {@code rare} times) with probability
 * P(1 ≤ X ≤ rare), times the share of training rows with its target (a copy has the same target).
 * Tables of few-valued features repeat rows this way without any copying; records
 * copied into both sets (continuous values, or far more repeats than this) do not.
 */
final class ChanceCopies {

    /** One-sided Poisson p-value below which the copies are more than chance. */
    static final double ALPHA = 0.001;

    private ChanceCopies() {
    }

    /**
     * The expected number of {@code test} rows that repeat, with the same {@code target}, a combination
     * of {@code names}' values found 1 to {@code rare} times in {@code train}.
     */
    static double expected(Table train, Table test, List<String> names, String target, int rare) {
        int n = train.rowCount();
        if (n == 0 || names.isEmpty()) {
            return 0;
        }
        // Each value's count among the training rows, by 64-bit hashes of the values (RowHashes) rather
        // than a string per cell: a column at a time, summed into each test row's log share.
        double[] logShare = new double[test.rowCount()];
        for (String name : names) {
            RowCounts counts = RowCounts.of(RowHashes.values(train.column(name)), new long[n]);
            long[] values = RowHashes.values(test.column(name));
            for (int i = 0; i < logShare.length; i++) {
                if (logShare[i] > Double.NEGATIVE_INFINITY) {
                    int k = counts.count(values[i]);
                    logShare[i] += k == 0 ? Double.NEGATIVE_INFINITY : Math.log((double) k / n);
                }
            }
        }
        RowCounts targets = RowCounts.of(RowHashes.values(train.column(target)), new long[n]);
        long[] testTargets = RowHashes.values(test.column(target));
        double sum = 0;
        for (int i = 0; i < logShare.length; i++) {
            int sameTarget = targets.count(testTargets[i]);
            double lambda = n * Math.exp(logShare[i]);
            double atMostRare = 0;
            double term = Math.exp(-lambda);
            for (int x = 1; x <= rare; x++) {
                term *= lambda / x;
                atMostRare += term;
            }
            sum += atMostRare * ((double) sameTarget / n);
        }
        return sum;
    }

    /** Whether {@code copies} are clearly more than {@code expected}: P(X ≥ copies) < ALPHA for X ~ Poisson(expected). */
    static boolean beyondChance(int copies, double expected) {
        if (copies == 0) {
            return false;
        }
        return expected <= 0 || Gamma.regularizedGammaP(copies, expected) < ALPHA;
    }
}
