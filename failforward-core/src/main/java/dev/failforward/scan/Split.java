package dev.failforward.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Train/test splits that depend only on the seed and the labels, not on anything else. */
public final class Split {

    private Split() {
    }

    /** Row indexes of the test part (ascending), taking {@code round(fraction × n_c)} rows of each class c. */
    public static int[] stratifiedTest(int[] labels, int classes, double fraction, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> rows = byClass.get(c);
            // One generator per class, seeded from the seed and the class: a class's split does not move when another changes.
            java.util.Collections.shuffle(rows, new Random(seed * 31 + c));
            test.addAll(rows.subList(0, (int) Math.round(fraction * rows.size())));
        }
        return test.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Row indexes of the test part (ascending), {@code round(fraction × n)} rows drawn at random. */
    public static int[] randomTest(int rows, double fraction, long seed) {
        List<Integer> all = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            all.add(i);
        }
        java.util.Collections.shuffle(all, new Random(seed));
        return all.subList(0, (int) Math.round(fraction * rows)).stream().mapToInt(Integer::intValue).sorted().toArray();
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
