package dev.failforward.scan;

import java.util.Arrays;
import java.util.Random;

/** Train/test splits that depend only on the seed and the labels, not on anything else. */
public final class Split {

    private Split() {
    }

    /** Row indexes of the test part (ascending), taking {@code round(fraction × n_c)} rows of each class c. */
    public static int[] stratifiedTest(int[] labels, int classes, double fraction, long seed) {
        int[] size = new int[classes];
        for (int label : labels) {
            size[label]++;
        }
        int[][] byClass = new int[classes][];
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[size[c]];
        }
        int[] filled = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][filled[labels[i]]++] = i;
        }
        int[] test = new int[labels.length];
        int n = 0;
        for (int c = 0; c < classes; c++) {
            // One generator per class, seeded from the seed and the class: a class's split does not move when another changes.
            int[] rows = Permutation.shuffle(byClass[c], new Random(seed * 31 + c));
            int taken = (int) Math.round(fraction * rows.length);
            System.arraycopy(rows, 0, test, n, taken);
            n += taken;
        }
        int[] out = java.util.Arrays.copyOf(test, n);
        java.util.Arrays.sort(out);
        return out;
    }

    /** Row indexes of the test part (ascending), {@code round(fraction × n)} rows drawn at random. */
    public static int[] randomTest(int rows, double fraction, long seed) {
        int[] out = java.util.Arrays.copyOf(Permutation.shuffled(rows, new Random(seed)), (int) Math.round(fraction * rows));
        java.util.Arrays.sort(out);
        return out;
    }

    /** The row indexes in {@code 0..rows-1} that are not in {@code test} (ascending). */
    public static int[] complement(int rows, int[] test) {
        boolean[] inTest = new boolean[rows];
        for (int t : test) {
            inTest[t] = true;
        }
        return java.util.stream.IntStream.range(0, rows).filter(i -> !inTest[i]).toArray();
    }

    static int[] all(int rows) {
        int[] out = new int[rows];
        Arrays.setAll(out, i -> i);
        return out;
    }
}
