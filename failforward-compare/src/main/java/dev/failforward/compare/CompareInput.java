package dev.failforward.compare;

import dev.failforward.data.Table;
import dev.failforward.model.Target;

import java.util.List;

/**
 * What is compared: the rows (keys, truth and, when known, the feature table for slices), the
 * baseline and candidate predictions, and reference models shown for scale. {@code labels} holds
 * class indexes for classification, {@code values} the truth for regression.
 */
public record CompareInput(Target target, List<String> rowKeys, int[] labels, double[] values, Table rows,
                           Side baseline, Side candidate, List<Side> references, List<String> groups, String data) {

    public CompareInput {
        rowKeys = List.copyOf(rowKeys);
        references = List.copyOf(references);
        groups = List.copyOf(groups);
        int n = rowKeys.size();
        for (Side s : java.util.stream.Stream.concat(java.util.stream.Stream.of(baseline, candidate), references.stream()).toList()) {
            if (s.predictions().rows() != n) {
                throw new IllegalArgumentException(s.role() + " has " + s.predictions().rows() + " predictions for " + n + " rows");
            }
        }
        if (rows != null && rows.rowCount() != n) {
            throw new IllegalArgumentException("the row table has " + rows.rowCount() + " rows, expected " + n);
        }
        if (rows != null) {
            for (String g : groups) {
                rows.column(g);
            }
        } else if (!groups.isEmpty()) {
            throw new IllegalArgumentException("--group needs the rows' data");
        }
    }

    public int size() {
        return rowKeys.size();
    }

    public boolean classification() {
        return target.task().isClassification();
    }
}
