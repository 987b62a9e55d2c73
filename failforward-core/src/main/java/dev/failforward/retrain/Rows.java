package dev.failforward.retrain;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tables of training rows: appended to each other, or built from input maps with a label. */
public final class Rows {

    private Rows() {
    }

    /** The rows of {@code first} then those of {@code second}, with {@code first}'s columns, types and roles. */
    public static Table concat(Table first, Table second) {
        List<Column> out = new ArrayList<>();
        for (Column a : first.columns()) {
            Column b = second.column(a.name());
            out.add(concat(a, b));
        }
        Table t = Table.of(first.source(), out);
        for (Column c : first.columns()) {
            t = t.withRole(c.name(), first.role(c.name()));
        }
        return t;
    }

    private static Column concat(Column a, Column b) {
        int n = a.size();
        int m = b.size();
        if (a instanceof NumericColumn na) {
            double[] v = java.util.Arrays.copyOf(na.values(), n + m);
            for (int i = 0; i < m; i++) {
                v[n + i] = b instanceof NumericColumn nb ? nb.values()[i] : parse(b.text(i));
            }
            return new NumericColumn(a.name(), v);
        }
        if (a instanceof CategoricalColumn ca) {
            List<String> levels = new ArrayList<>(ca.levels());
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int l = 0; l < levels.size(); l++) {
                index.put(levels.get(l), l);
            }
            int[] codes = java.util.Arrays.copyOf(ca.codes(), n + m);
            for (int i = 0; i < m; i++) {
                String text = b.text(i);
                if (text == null) {
                    codes[n + i] = -1;
                    continue;
                }
                Integer code = index.get(text);
                if (code == null) {
                    code = levels.size();
                    levels.add(text);
                    index.put(text, code);
                }
                codes[n + i] = code;
            }
            return new CategoricalColumn(a.name(), ca.type(), levels, codes);
        }
        String[] v = java.util.Arrays.copyOf(((TextColumn) a).values(), n + m);
        for (int i = 0; i < m; i++) {
            v[n + i] = b.text(i);
        }
        return new TextColumn(a.name(), v);
    }

    /**
     * Rows with {@code template}'s columns (types and roles) from input maps (column → value, as
     * failures store them), with {@code labels[i]} in {@code targetColumn}. A column an input lacks
     * is missing in that row.
     */
    public static Table fromInputs(Table template, List<Map<String, Object>> inputs, String targetColumn, List<String> labels) {
        int m = inputs.size();
        List<Column> out = new ArrayList<>();
        for (Column c : template.columns()) {
            String[] texts = new String[m];
            for (int i = 0; i < m; i++) {
                Object v = c.name().equals(targetColumn) ? labels.get(i) : inputs.get(i).get(c.name());
                texts[i] = v == null ? null : text(v);
            }
            out.add(column(c, texts));
        }
        Table t = Table.of("added rows", out);
        for (Column c : template.columns()) {
            t = t.withRole(c.name(), template.role(c.name()));
        }
        return t;
    }

    private static String text(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return NumericColumn.format(d);
        }
        return String.valueOf(v);
    }

    private static Column column(Column like, String[] texts) {
        if (like instanceof NumericColumn) {
            double[] v = new double[texts.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = texts[i] == null ? Double.NaN : parse(texts[i]);
            }
            return new NumericColumn(like.name(), v);
        }
        if (like instanceof CategoricalColumn c) {
            List<String> levels = new ArrayList<>(c.levels());
            int[] codes = new int[texts.length];
            for (int i = 0; i < texts.length; i++) {
                if (texts[i] == null) {
                    codes[i] = -1;
                    continue;
                }
                String t = c.type() == ColumnType.BOOLEAN ? texts[i].toLowerCase(java.util.Locale.ROOT) : texts[i];
                int code = levels.indexOf(t);
                if (code < 0) {
                    levels.add(t);
                    code = levels.size() - 1;
                }
                codes[i] = code;
            }
            return new CategoricalColumn(like.name(), c.type(), levels, codes);
        }
        return new TextColumn(like.name(), texts);
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

    /** {@code table} with every row's {@code targetColumn} set to {@code label}. */
    public static Table withLabel(Table table, String targetColumn, String label) {
        List<String> labels = java.util.Collections.nCopies(table.rowCount(), label);
        Column target = column(table.column(targetColumn), labels.toArray(new String[0]));
        return table.replace(target);
    }
}
