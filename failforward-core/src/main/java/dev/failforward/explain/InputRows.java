package dev.failforward.explain;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a table from stored inputs (a failure's values by column, as the failure log keeps
 * them), so a saved model can score and explain them again. A column whose values are all numbers
 * becomes numeric, all booleans boolean, anything else categorical (text models read text from a
 * categorical column just as well).
 */
public final class InputRows {

    private InputRows() {
    }

    /** One row per input map; {@code columns} are the columns to build (a value missing from a map is missing). */
    public static Table of(String source, List<Map<String, Object>> inputs, List<String> columns) {
        List<Column> out = new ArrayList<>(columns.size());
        int n = inputs.size();
        for (String name : columns) {
            boolean numbers = true;
            boolean booleans = true;
            for (Map<String, Object> row : inputs) {
                Object v = row.get(name);
                if (v != null) {
                    numbers &= v instanceof Number;
                    booleans &= v instanceof Boolean;
                }
            }
            if (numbers) {
                double[] values = new double[n];
                for (int r = 0; r < n; r++) {
                    Object v = inputs.get(r).get(name);
                    values[r] = v == null ? Double.NaN : ((Number) v).doubleValue();
                }
                out.add(new NumericColumn(name, values));
            } else {
                Map<String, Integer> levels = new LinkedHashMap<>();
                if (booleans) {
                    levels.put("false", 0);
                    levels.put("true", 1);
                }
                int[] codes = new int[n];
                for (int r = 0; r < n; r++) {
                    Object v = inputs.get(r).get(name);
                    codes[r] = v == null ? -1 : levels.computeIfAbsent(String.valueOf(v), k -> levels.size());
                }
                out.add(new CategoricalColumn(name, booleans ? ColumnType.BOOLEAN : ColumnType.CATEGORICAL,
                        new ArrayList<>(levels.keySet()), codes));
            }
        }
        return Table.of(source, out);
    }

    /** The table with these columns (where present) as free text, so text explainers see words. */
    public static Table asText(Table table, java.util.Collection<String> names) {
        Table out = table;
        for (String name : names) {
            if (table.find(name).isEmpty() || table.column(name).type() == ColumnType.TEXT) {
                continue;
            }
            Column c = table.column(name);
            String[] v = new String[c.size()];
            for (int r = 0; r < v.length; r++) {
                v[r] = c.isMissing(r) ? null : c.text(r);
            }
            out = out.replace(new dev.failforward.data.TextColumn(name, v));
        }
        return out;
    }

    /**
     * Columns of stored inputs that read as free text: strings averaging at least 30 characters
     * and three words, the rule the CSV reader's type inference uses for length.
     */
    public static List<String> textLike(List<Map<String, Object>> inputs, List<String> columns) {
        List<String> out = new ArrayList<>();
        for (String name : columns) {
            long length = 0;
            long words = 0;
            int strings = 0;
            boolean other = false;
            for (Map<String, Object> row : inputs) {
                Object v = row.get(name);
                if (v instanceof String text) {
                    strings++;
                    length += text.length();
                    words += TextTokens.of(text).size();
                } else if (v != null) {
                    other = true;
                }
            }
            if (!other && strings > 0 && length >= 30L * strings && words >= 3L * strings) {
                out.add(name);
            }
        }
        return out;
    }
}
