package dev.failforward.compare;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * McNemar's test of paired correctness. {@code worse} counts rows the baseline got right and the
 * candidate wrong, {@code better} the reverse; rows both got right or both wrong say nothing about
 * a difference. With fewer than {@value #EXACT_BELOW} discordant rows the exact binomial test is
 * used (the chi-square approximation is poor there), else chi-square with continuity correction.
 */
public record McNemar(long worse, long better, double statistic, double pValue, String method) {

    /** Below this many discordant pairs the exact binomial test is used. */
    public static final int EXACT_BELOW = 25;

    /** The two-sided test. */
    public static McNemar test(long worse, long better) {
        if (worse < 0 || better < 0) {
            throw new IllegalArgumentException("negative counts " + worse + ", " + better);
        }
        long n = worse + better;
        if (n == 0) {
            return new McNemar(worse, better, 0, 1, "none");
        }
        if (n < EXACT_BELOW) {
            double tail = new BinomialDistribution(null, (int) n, 0.5).cumulativeProbability((int) Math.min(worse, better));
            return new McNemar(worse, better, Math.min(worse, better), Math.min(1, 2 * tail), "exact");
        }
        double d = Math.max(0, Math.abs(worse - better) - 1.0);
        double chi2 = d * d / n;
        double p = 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(chi2);
        return new McNemar(worse, better, chi2, p, "chi2_cc");
    }

    /**
     * The one-sided exact test that the candidate is worse: the probability of at least
     * {@code worse} candidate-only errors among the discordant rows if both models erred alike.
     */
    public static double pWorse(long worse, long better) {
        long n = worse + better;
        if (n == 0 || worse == 0) {
            return 1;
        }
        return 1 - new BinomialDistribution(null, (int) n, 0.5).cumulativeProbability((int) worse - 1);
    }
}
