package dev.failforward.detect;

import org.apache.commons.math3.special.Gamma;

/**
 * How many rows of a new sample should carry a category the reference never showed, if both come
 * from the same data: the Good–Turing estimate of the unseen categories' share is the share of
 * reference rows whose category occurs exactly once there. A column of many rare values (aircraft
 * models, towns) shows new categories in every random split; only clearly more is drift.
 */
final class UnseenCategories {

    /** One-sided Poisson p-value below which the new-category rows are more than chance. */
    static final double ALPHA = 0.001;

    private UnseenCategories() {
    }

    /** The rows of a sample of {@code sampleRows} expected to carry a category absent from {@code reference} counts. */
    static double expectedRows(long[] reference, long sampleRows) {
        long present = 0;
        long once = 0;
        for (long n : reference) {
            present += n;
            once += n == 1 ? 1 : 0;
        }
        return present == 0 ? 0 : (double) once / present * sampleRows;
    }

    /** Whether {@code rows} new-category rows are clearly more than {@code expected}: twice as many and P(X ≥ rows) < ALPHA. */
    static boolean beyondChance(int rows, double expected) {
        if (rows == 0) {
            return false;
        }
        if (expected <= 0) {
            return true;
        }
        return rows >= 2 * expected && Gamma.regularizedGammaP(rows, expected) < ALPHA;
    }
}
