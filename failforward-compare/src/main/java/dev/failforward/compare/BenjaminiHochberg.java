package dev.failforward.compare;

import java.util.Arrays;
import java.util.Comparator;

/** Benjamini–Hochberg (1995) adjusted p-values ("q-values"), which control the false discovery rate. */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /** The adjusted p-value of each input p-value, in input order. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] q = new double[m];
        double running = 1;
        for (int r = m - 1; r >= 0; r--) {
            int i = order[r];
            running = Math.min(running, p[i] * m / (r + 1));
            q[i] = running;
        }
        return q;
    }
}
