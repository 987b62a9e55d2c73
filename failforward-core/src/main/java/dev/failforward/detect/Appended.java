package dev.failforward.detect;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one table followed by those of another, with the first table's columns, types and
 * roles: training and test rows as one table, for cross-validation over both. A column the second
 * table lacks is missing there; categories are merged by name.
 */
final class Appended {

    private Appended() {
    }

    static Table of(Table top, Table bottom) {
        if (bottom.rowCount() == 0) {
            return top;
        }
        int n = top.rowCount();
        int m = bottom.rowCount();
        List<Column> out = new ArrayList<>();
        for (Column a : top.columns()) {
            Column b = bottom.find(a.name()).orElse(null);
            if (a instanceof NumericColumn na) {
                double[] v = java.util.Arrays.copyOf(na.values(), n + m);
                for (int i = 0; i < m; i++) {
                    v[n + i] = b == null ? Double.NaN : b instanceof NumericColumn nb ? nb.values()[i] : parse(b.text(i));
                }
                out.add(new NumericColumn(a.name(), v));
            } else if (a instanceof CategoricalColumn ca) {
                Map<String, Integer> levels = new LinkedHashMap<>();
                ca.levels().forEach(l -> levels.putIfAbsent(l, levels.size()));
                int[] codes = java.util.Arrays.copyOf(ca.codes(), n + m);
                for (int i = 0; i < m; i++) {
                    String t = b == null ? null : b.text(i);
                    codes[n + i] = t == null ? -1 : levels.computeIfAbsent(t, k -> levels.size());
                }
                out.add(new CategoricalColumn(a.name(), ca.type(), new ArrayList<>(levels.keySet()), codes));
            } else {
                String[] v = new String[n + m];
                for (int i = 0; i < n; i++) {
                    v[i] = a.text(i);
                }
                for (int i = 0; i < m; i++) {
                    v[n + i] = b == null ? null : b.text(i);
                }
                out.add(new TextColumn(a.name(), v));
            }
        }
        Table t = Table.of(top.source(), out);
        for (Column c : top.columns()) {
            t = t.withRole(c.name(), top.role(c.name()));
        }
        return t;
    }

    private static double parse(String text) {
        if (text == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
