package dev.failforward.scan;

import java.util.Random;

/**
 * Seeded row orders, drawn with exactly {@code Collections.shuffle}'s steps on primitive arrays: the
 * same splits and samples as a shuffled list gives, without a boxed integer for every row.
 */
public final class Permutation {

    private Permutation() {
    }

    /** 0..n-1 in the order {@code Collections.shuffle} puts a list of them with {@code random}. */
    public static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return shuffle(order, random);
    }

    /** Shuffles {@code values} in place as {@code Collections.shuffle} would a list of them; returns it. */
    public static int[] shuffle(int[] values, Random random) {
        for (int i = values.length; i > 1; i--) {
            int j = random.nextInt(i);
            int t = values[i - 1];
            values[i - 1] = values[j];
            values[j] = t;
        }
        return values;
    }
}
