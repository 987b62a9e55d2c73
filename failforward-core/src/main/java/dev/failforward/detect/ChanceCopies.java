package dev.failforward.detect;

import dev.failforward.data.Table;
import org.apache.commons.math3.special.Gamma;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        List<Map<String, Integer>> counts = new java.util.ArrayList<>();
        for (String name : concat(names, target)) {
            Map<String, Integer> c = new HashMap<>();
            for (int i = 0; i < n; i++) {
                c.merge(String.valueOf(train.column(name).text(i)), 1, Integer::sum);
            }
            counts.add(c);
        }
        double sum = 0;
        for (int i = 0; i < test.rowCount(); i++) {
            double logShare = 0;
            for (int j = 0; j < names.size() && logShare > Double.NEGATIVE_INFINITY; j++) {
                Integer k = counts.get(j).get(String.valueOf(test.column(names.get(j)).text(i)));
                logShare += k == null ? Double.NEGATIVE_INFINITY : Math.log((double) k / n);
            }
            Integer sameTarget = counts.get(names.size()).get(String.valueOf(test.column(target).text(i)));
            double lambda = n * Math.exp(logShare);
            double atMostRare = 0;
            double term = Math.exp(-lambda);
            for (int x = 1; x <= rare; x++) {
                term *= lambda / x;
                atMostRare += term;
            }
            sum += atMostRare * (sameTarget == null ? 0 : (double) sameTarget / n);
        }
        return sum;
    }

    private static List<String> concat(List<String> names, String last) {
        List<String> all = new java.util.ArrayList<>(names);
        all.add(last);
        return all;
    }

    /** Whether {@code copies} are clearly more than {@code expected}: P(X ≥ copies) < ALPHA for X ~ Poisson(expected). */
    static boolean beyondChance(int copies, double expected) {
        if (copies == 0) {
            return false;
        }
        return expected <= 0 || Gamma.regularizedGammaP(copies, expected) < ALPHA;
    }
}
