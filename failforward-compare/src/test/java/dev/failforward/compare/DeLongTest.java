package dev.failforward.compare;

import dev.failforward.metric.Metrics;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The fast midrank DeLong test against an independent, brute-force computation of DeLong's
 * definition: every positive compared with every negative (O(n²)) for the placement values, then
 * the variance of the AUC difference from their sample covariances.
 */
class DeLongTest {

    @Test
    void matchesBruteForceWithTies() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 300;
        double[] a = new double[n];
        double[] b = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            positive[i] = random.nextDouble() < 0.35;
            double signal = positive[i] ? 1 : 0;
            // rounded to create many ties, as tree models do
            a[i] = Math.round((signal * 0.8 + random.nextGaussian()) * 10) / 10.0;
            b[i] = Math.round((signal * 1.1 + random.nextGaussian()) * 10) / 10.0;
        }
        DeLong fast = DeLong.test(a, b, positive);
        double[] brute = bruteForce(a, b, positive);
        assertThat(fast.aucBaseline()).isCloseTo(brute[0], within(1e-12));
        assertThat(fast.aucCandidate()).isCloseTo(brute[1], within(1e-12));
        assertThat(fast.aucBaseline()).isCloseTo(Metrics.rocAuc(a, positive), within(1e-12));
        assertThat(fast.standardError()).isCloseTo(brute[2], within(1e-12));
        assertThat(fast.pValue()).isBetween(0.0, 1.0);
        assertThat(fast.difference()).isGreaterThan(0);
    }

    @Test
    void identicalScoresGiveNoDifference() {
        double[] s = {0.1, 0.4, 0.35, 0.8, 0.7, 0.2};
        boolean[] y = {false, false, true, true, true, false};
        DeLong d = DeLong.test(s, s.clone(), y);
        assertThat(d.difference()).isZero();
        assertThat(d.pValue()).isEqualTo(1);
    }

    /** {auc a, auc b, standard error of b − a}, straight from the definition. */
    private static double[] bruteForce(double[] a, double[] b, boolean[] positive) {
        int m = 0;
        for (boolean p : positive) {
            m += p ? 1 : 0;
        }
        int n = positive.length - m;
        double[][] v10 = new double[2][m];
        double[][] v01 = new double[2][n];
        double[][] scores = {a, b};
        double[] auc = new double[2];
        for (int k = 0; k < 2; k++) {
            int pi = 0;
            for (int i = 0; i < positive.length; i++) {
                if (!positive[i]) {
                    continue;
                }
                int nj = 0;
                for (int j = 0; j < positive.length; j++) {
                    if (positive[j]) {
                        continue;
                    }
                    double psi = scores[k][i] > scores[k][j] ? 1 : scores[k][i] == scores[k][j] ? 0.5 : 0;
                    v10[k][pi] += psi / n;
                    v01[k][nj] += psi / m;
                    nj++;
                }
                auc[k] += v10[k][pi] / m;
                pi++;
            }
        }
        double var = (cov(v10[0], v10[0]) + cov(v10[1], v10[1]) - 2 * cov(v10[0], v10[1])) / m
                + (cov(v01[0], v01[0]) + cov(v01[1], v01[1]) - 2 * cov(v01[0], v01[1])) / n;
        return new double[] {auc[0], auc[1], Math.sqrt(var)};
    }

    private static double cov(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s / (x.length - 1);
    }
}
