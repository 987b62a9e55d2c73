package dev.failforward.scan;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.Table;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many evaluated rows are rows the model was trained on (equal in every feature and the target).
 * Scored on its own training rows a model shows what it remembers, not how it does on new data, so
 * such an evaluation must not gate anything. A table whose rows repeat a lot (few distinct values)
 * has many duplicates between any two halves; the overlap counts as training rows only when it is well
 * above the training rows' own duplicate share.
 *
 * @param evaluated   rows evaluated
 * @param inTraining  of them, rows equal to a training row
 * @param selfDuplicate share of training rows equal to another training row (what chance alone gives)
 */
public record TrainingOverlap(int evaluated, int inTraining, double selfDuplicate) {

    /** Overlap share at and above which the evaluated rows count as (largely) the training rows. */
    public static final double LARGELY = 0.5;
    /** How far above the training rows' own duplicate share the overlap must be. */
    public static final double ABOVE_CHANCE = 0.25;

    public static TrainingOverlap of(Table train, Table evaluated) {
        List<String> names = train.columns().stream()
                .filter(c -> train.role(c.name()) == ColumnRole.FEATURE || train.role(c.name()) == ColumnRole.TARGET)
                .map(Column::name).filter(n -> evaluated.find(n).isPresent()).toList();
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 0; r < train.rowCount(); r++) {
            seen.merge(row(train, names, r), 1, Integer::sum);
        }
        int dup = 0;
        for (int count : seen.values()) {
            dup += count > 1 ? count : 0;
        }
        int in = 0;
        for (int r = 0; r < evaluated.rowCount(); r++) {
            in += seen.containsKey(row(evaluated, names, r)) ? 1 : 0;
        }
        return new TrainingOverlap(evaluated.rowCount(), in, train.rowCount() == 0 ? 0 : (double) dup / train.rowCount());
    }

    public double share() {
        return evaluated == 0 ? 0 : (double) inTraining / evaluated;
    }

    /** Whether the evaluated rows are, largely, the training rows. */
    public boolean largely() {
        return share() >= LARGELY && share() - selfDuplicate >= ABOVE_CHANCE;
    }

    /** One line for people: how many of the evaluated rows are training rows. */
    public String describe() {
        return String.format(Locale.ROOT, "%d of %d evaluated rows (%.0f%%) are training rows of the model", inTraining,
                evaluated, 100 * share());
    }

    private static String row(Table t, List<String> names, int r) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            String v = t.column(n).text(r);
            sb.append(v == null ? "\u0001" : v).append('\u0000');
        }
        return sb.toString();
    }
}
