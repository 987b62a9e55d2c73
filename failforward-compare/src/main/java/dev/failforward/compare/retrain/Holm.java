package dev.failforward.compare.retrain;

/**
 * Holm's step-down correction of a family of p-values (family-wise error rate): sorted ascending,
 * the i-th smallest (from 0) is multiplied by {@code m - i}, made monotone and capped at 1.
 * Choosing the best of several candidates is itself a selection, so their tests form one family.
 */
public final class Holm {

    private Holm() {
    }

    /** The adjusted p-values, in the order given. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] out = new double[m];
        double running = 0;
        for (int i = 0; i < m; i++) {
            double v = Math.min(1, (m - i) * p[order[i]]);
            running = Math.max(running, v);
            out[order[i]] = running;
        }
        return out;
    }
}
