package dev.failforward.detect;

import java.util.Arrays;

/** Distances between two samples or two histograms, used by the drift detector. */
final class Distances {

    private static final double EPS = 1e-4;

    private Distances() {
    }

    /** Population stability index of two count vectors (shares floored at 1e-4 so empty bins stay finite). */
    static double psi(long[] reference, long[] current) {
        double nr = Arrays.stream(reference).sum();
        double nc = Arrays.stream(current).sum();
        double psi = 0;
        for (int i = 0; i < reference.length; i++) {
            double r = Math.max(EPS, reference[i] / nr);
            double c = Math.max(EPS, current[i] / nc);
            psi += (c - r) * Math.log(c / r);
        }
        return psi;
    }

    /** Jensen–Shannon distance (square root of the divergence, base 2; 0 = same, 1 = disjoint). */
    static double jensenShannon(long[] reference, long[] current) {
        double nr = Arrays.stream(reference).sum();
        double nc = Arrays.stream(current).sum();
        double d = 0;
        for (int i = 0; i < reference.length; i++) {
            double p = reference[i] / nr;
            double q = current[i] / nc;
            double m = (p + q) / 2;
            if (p > 0) {
                d += 0.5 * p * Math.log(p / m) / Math.log(2);
            }
            if (q > 0) {
                d += 0.5 * q * Math.log(q / m) / Math.log(2);
            }
        }
        return Math.sqrt(Math.max(0, d));
    }

    /** The 1-Wasserstein distance between two sorted samples: the area between their empirical CDFs. */
    static double wasserstein(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        double area = 0;
        double prev = Math.min(a[0], b[0]);
        while (i < a.length || j < b.length) {
            double x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            area += Math.abs((double) i / a.length - (double) j / b.length) * (x - prev);
            prev = x;
            while (i < a.length && a[i] == x) {
                i++;
            }
            while (j < b.length && b[j] == x) {
                j++;
            }
        }
        return area;
    }
}
