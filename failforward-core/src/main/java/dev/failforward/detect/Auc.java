package dev.failforward.detect;

import java.util.Arrays;
import java.util.Comparator;

/** Area under the ROC curve (Mann–Whitney U over positive–negative pairs), ties counted half. */
final class Auc {

    private Auc() {
    }

    static double of(double[] scores, boolean[] positive) {
        int n = scores.length;
        int pos = 0;
        for (boolean p : positive) {
            pos += p ? 1 : 0;
        }
        int neg = n - pos;
        if (pos == 0 || neg == 0) {
            return 0.5;
        }
        double[] p = new double[pos];
        double[] q = new double[neg];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            double s = scores[i];
            if (Double.isNaN(s)) {
                return byRanks(scores, positive);
            }
            // + 0.0 makes -0.0 a plain zero, which it equals.
            if (positive[i]) {
                p[a++] = s + 0.0;
            } else {
                q[b++] = s + 0.0;
            }
        }
        Arrays.sort(p);
        Arrays.sort(q);
        // Twice U: each positive counts 2 per negative below it and 1 per negative level with it.
        long twiceU = 0;
        int below = 0;
        int notAbove = 0;
        for (double x : p) {
            while (below < neg && q[below] < x) {
                below++;
            }
            notAbove = Math.max(notAbove, below);
            while (notAbove < neg && q[notAbove] == x) {
                notAbove++;
            }
            twiceU += 2L * below + (notAbove - below);
        }
        return (twiceU / 2.0) / ((double) pos * neg);
    }

    /** The same area by the rank sum, sorting row indices: for scores that include NaN, each NaN a rank of its own. */
    static double byRanks(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double rankSum = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int x = i; x <= j; x++) {
                if (positive[order[x]]) {
                    rankSum += rank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return 0.5;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
