package dev.failforward.detect;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two tables' shared numeric and categorical feature columns stacked one above the other, with a
 * binary target column saying which table each row came from: the input of a domain classifier.
 */
final class Stacked {

    static final String DOMAIN = "__failforward_domain";

    private Stacked() {
    }

    static Table of(Table reference, int[] refRows, Table current, int[] curRows) {
        List<Column> out = new ArrayList<>();
        for (Column a : reference.features()) {
            Column b = current.find(a.name()).orElse(null);
            if (b == null || b.type() != a.type()) {
                continue;
            }
            if (a instanceof NumericColumn na && b instanceof NumericColumn nb) {
                double[] v = new double[refRows.length + curRows.length];
                for (int i = 0; i < refRows.length; i++) {
                    v[i] = na.values()[refRows[i]];
                }
                for (int i = 0; i < curRows.length; i++) {
                    v[refRows.length + i] = nb.values()[curRows[i]];
                }
                out.add(new NumericColumn(a.name(), v));
            } else if (a instanceof CategoricalColumn ca && b instanceof CategoricalColumn cb) {
                Map<String, Integer> levels = new LinkedHashMap<>();
                ca.levels().forEach(l -> levels.putIfAbsent(l, levels.size()));
                cb.levels().forEach(l -> levels.putIfAbsent(l, levels.size()));
                int[] codes = new int[refRows.length + curRows.length];
                for (int i = 0; i < refRows.length; i++) {
                    int c = ca.code(refRows[i]);
                    codes[i] = c < 0 ? -1 : levels.get(ca.levels().get(c));
                }
                for (int i = 0; i < curRows.length; i++) {
                    int c = cb.code(curRows[i]);
                    codes[refRows.length + i] = c < 0 ? -1 : levels.get(cb.levels().get(c));
                }
                out.add(new CategoricalColumn(a.name(), a.type(), new ArrayList<>(levels.keySet()), codes));
            }
        }
        int[] domain = new int[refRows.length + curRows.length];
        for (int i = refRows.length; i < domain.length; i++) {
            domain[i] = 1;
        }
        out.add(new CategoricalColumn(DOMAIN, ColumnType.CATEGORICAL, List.of("reference", "current"), domain));
        return Table.of("reference+current", out).withRole(DOMAIN, ColumnRole.TARGET);
    }
}
