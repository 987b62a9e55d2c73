package dev.failforward.retrain;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A strategy's proposal, as changes to the training rows: {@code copies} says how often each
 * training row is used (0 = dropped, 1 = as it was, k = repeated k times, which is how a row is
 * weighted: the built-in trainers take no row weights), {@code relabels} gives some training rows
 * another label, and {@code added} holds new rows with the training columns. A skipped proposal
 * holds only its {@code skipReason}. {@code note} says in one line what was done.
 */
public record TrainingSet(String strategy, String skipReason, int[] copies, Map<Integer, String> relabels, Table added,
                          Aim aim, String note) {

    public TrainingSet {
        relabels = relabels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(relabels));
    }

    public static TrainingSet skipped(String strategy, String reason) {
        return new TrainingSet(strategy, reason, null, Map.of(), null, Aim.overall(), reason);
    }

    /** A proposal that changes the training rows as given. */
    public static TrainingSet of(String strategy, int[] copies, Map<Integer, String> relabels, Table added, Aim aim, String note) {
        return new TrainingSet(strategy, null, copies, relabels, added, aim, note);
    }

    public boolean isSkipped() {
        return skipReason != null;
    }

    public int dropped() {
        return copies == null ? 0 : (int) java.util.Arrays.stream(copies).filter(c -> c == 0).count();
    }

    /** Training rows used more than once. */
    public int repeated() {
        return copies == null ? 0 : (int) java.util.Arrays.stream(copies).filter(c -> c > 1).count();
    }

    public int addedRows() {
        return added == null ? 0 : added.rowCount();
    }

    /**
     * The training table this proposal makes from {@code train}: each row as often as {@code copies}
     * says, relabeled rows with their new label in {@code targetColumn}, then the added rows.
     */
    public Table materialize(Table train, String targetColumn) {
        Table base = train;
        if (!relabels.isEmpty()) {
            base = base.replace(relabel(train.column(targetColumn), relabels));
        }
        if (copies != null) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < copies.length; i++) {
                for (int c = 0; c < copies[i]; c++) {
                    rows.add(i);
                }
            }
            base = base.select(rows.stream().mapToInt(Integer::intValue).toArray());
        }
        return added == null || added.rowCount() == 0 ? base : Rows.concat(base, added);
    }

    private static Column relabel(Column target, Map<Integer, String> relabels) {
        if (target instanceof dev.failforward.data.NumericColumn numeric) {
            double[] values = numeric.values().clone();
            relabels.forEach((row, label) -> values[row] = Double.parseDouble(label));
            return new dev.failforward.data.NumericColumn(numeric.name(), values);
        }
        CategoricalColumn column = (CategoricalColumn) target;
        List<String> levels = new ArrayList<>(column.levels());
        int[] codes = column.codes().clone();
        relabels.forEach((row, label) -> {
            int code = levels.indexOf(label);
            if (code < 0) {
                levels.add(label);
                code = levels.size() - 1;
            }
            codes[row] = code;
        });
        return new CategoricalColumn(column.name(), column.type(), levels, codes);
    }
}
