package dev.failforward.compare;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Arrays;

/**
 * DeLong, DeLong and Clarke-Pearson (1988): the variance of the difference of two correlated ROC
 * AUCs measured on the same rows, from each model's structural components, and the two-sided z
 * test of equal AUCs. Components are computed from midranks (Sun and Xu, 2014) in
 * O(n log n) instead of comparing every positive with every negative.
 */
public record DeLong(double aucBaseline, double aucCandidate, double difference, double standardError,
                     double z, double pValue) {

    /** {@code positive[i]} is row i's truth; scores are the positive-class scores of each model. */
    public static DeLong test(double[] baseline, double[] candidate, boolean[] positive) {
        int m = 0;
        for (boolean b : positive) {
            m += b ? 1 : 0;
        }
        int n = positive.length - m;
        if (m < 2 || n < 2) {
            return new DeLong(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1);
        }
        double[][] v10 = new double[2][];
        double[][] v01 = new double[2][];
        double[] auc = new double[2];
        double[][] scores = {baseline, candidate};
        for (int k = 0; k < 2; k++) {
            double[] pos = new double[m];
            double[] neg = new double[n];
            int pi = 0;
            int ni = 0;
            for (int i = 0; i < positive.length; i++) {
                if (positive[i]) {
                    pos[pi++] = scores[k][i];
                } else {
                    neg[ni++] = scores[k][i];
                }
            }
            double[] all = new double[m + n];
            System.arraycopy(pos, 0, all, 0, m);
            System.arraycopy(neg, 0, all, m, n);
            double[] rankAll = midranks(all);
            double[] rankPos = midranks(pos);
            double[] rankNeg = midranks(neg);
            v10[k] = new double[m];
            v01[k] = new double[n];
            double sum = 0;
            for (int i = 0; i < m; i++) {
                // negatives scored below positive i (ties half) = its rank among all minus its rank among positives
                v10[k][i] = (rankAll[i] - rankPos[i]) / n;
                sum += v10[k][i];
            }
            for (int j = 0; j < n; j++) {
                // positives scored above negative j (ties half)
                v01[k][j] = 1 - (rankAll[m + j] - rankNeg[j]) / m;
            }
            auc[k] = sum / m;
        }
        double var = (variance(v10[0]) + variance(v10[1]) - 2 * covariance(v10[0], v10[1])) / m
                + (variance(v01[0]) + variance(v01[1]) - 2 * covariance(v01[0], v01[1])) / n;
        double diff = auc[1] - auc[0];
        double se = Math.sqrt(Math.max(0, var));
        if (se == 0) {
            return new DeLong(auc[0], auc[1], diff, 0, 0, diff == 0 ? 1 : 0);
        }
        double z = diff / se;
        double p = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(z));
        return new DeLong(auc[0], auc[1], diff, se, z, Math.min(1, p));
    }

    /** 1-based ranks with tied values given the mean of their ranks. */
    static double[] midranks(double[] x) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] rank = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double r = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                rank[order[t]] = r;
            }
            i = j + 1;
        }
        return rank;
    }

    private static double variance(double[] a) {
        return covariance(a, a);
    }

    /** Sample covariance (divisor n − 1), as in DeLong's paper. */
    private static double covariance(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / (a.length - 1);
    }
}
