package dev.failforward.detect;

import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.Trainer;
import dev.failforward.progress.Progress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Out-of-fold class probabilities by stratified k-fold cross-validation: every row is scored by
 * a model that did not see it, which is what confident learning needs.
 */
public final class OutOfFold {

    private OutOfFold() {
    }

    /** The fold (0..folds-1) of each row: each class shuffled with the seed and dealt round-robin. */
    public static int[] folds(int[] labels, int classes, int folds, long seed) {
        int[] out = new int[labels.length];
        for (int c = 0; c < classes; c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    rows.add(i);
                }
            }
            Collections.shuffle(rows, new Random(seed * 131 + c));
            for (int j = 0; j < rows.size(); j++) {
                out[rows.get(j)] = j % folds;
            }
        }
        return out;
    }

    /** Row-major {@code rows × classes} probabilities of {@code target}'s classes, each row out of fold. */
    public static double[] probabilities(Table table, Target target, int[] labels, Trainer trainer, int folds, long seed,
                                         Progress progress) {
        int k = target.classCount();
        int n = table.rowCount();
        int[] fold = folds(labels, k, folds, seed);
        double[] out = new double[n * k];
        progress.start("Cross-validating " + folds + " folds for out-of-fold probabilities", folds);
        // Folds are independent (each has its own seed and writes only its own rows), so they run in
        // parallel and the result does not depend on the thread count.
        java.util.stream.IntStream.range(0, folds).parallel().forEach(f -> {
            int[] trainRows = java.util.stream.IntStream.range(0, n).filter(i -> fold[i] != f).toArray();
            int[] heldRows = java.util.stream.IntStream.range(0, n).filter(i -> fold[i] == f).toArray();
            if (heldRows.length == 0) {
                return;
            }
            Model model = trainer.train(table.select(trainRows), target, seed + f, Progress.NONE);
            Predictions p = model.predict(table.select(heldRows));
            int[] map = classMap(p.classes(), target.classes());
            for (int r = 0; r < heldRows.length; r++) {
                for (int c = 0; c < p.classes().size(); c++) {
                    if (map[c] >= 0) {
                        out[heldRows[r] * k + map[c]] = p.probability(r, c);
                    }
                }
            }
            synchronized (progress) {
                progress.advance(1);
            }
        });
        progress.finish();
        return out;
    }

    static int[] classMap(List<String> from, List<String> to) {
        int[] map = new int[from.size()];
        for (int c = 0; c < from.size(); c++) {
            map[c] = to.indexOf(from.get(c));
        }
        return map;
    }
}
