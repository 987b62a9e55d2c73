package dev.failforward.spark;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnParser;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.ColumnType;
import dev.failforward.data.DataException;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a batch of Spark rows into a FailForward {@link Table} with the whole dataset's types and
 * category levels ({@link ColumnSpec}) and the scan's roles, so that a partition's table is the
 * matching slice of the table a local scan reads. Strings are parsed by {@link ColumnParser}, as every
 * reader does.
 */
record RowTables(String source, List<ColumnSpec> columns, String target, String idColumn, List<String> ignore)
        implements Serializable {

    RowTables {
        columns = List.copyOf(columns);
        ignore = List.copyOf(ignore);
    }

    Table table(List<Row> rows, long[] fileIndex) {
        int n = rows.size();
        List<Column> out = new ArrayList<>(columns.size());
        for (ColumnSpec c : columns) {
            out.add(c.typed() ? typed(c, rows) : parsed(c, rows, fileIndex));
        }
        Table t = Table.of(source, out).withRole(target, ColumnRole.TARGET);
        if (idColumn != null) {
            t = t.withRole(idColumn, ColumnRole.ID);
        }
        for (String name : ignore) {
            t = t.withRole(name, ColumnRole.IGNORED);
        }
        return t;
    }

    private static Column typed(ColumnSpec c, List<Row> rows) {
        int n = rows.size();
        if (c.type() == ColumnType.NUMERIC) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                Row r = rows.get(i);
                v[i] = r.isNullAt(c.index()) ? Double.NaN : ((Number) r.get(c.index())).doubleValue();
            }
            return new NumericColumn(c.name(), v);
        }
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            codes[i] = r.isNullAt(c.index()) ? -1 : r.getBoolean(c.index()) ? 1 : 0;
        }
        return new CategoricalColumn(c.name(), ColumnType.BOOLEAN, c.levels(), codes);
    }

    private Column parsed(ColumnSpec c, List<Row> rows, long[] fileIndex) {
        int n = rows.size();
        String[] raw = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            raw[i] = r.isNullAt(c.index()) ? null : r.get(c.index()).toString();
        }
        Column parsed = ColumnParser.parse(c.name(), raw, c.type(), (row, column, message) ->
                new DataException(source + ": row " + fileIndex[row] + ", column '" + column + "': " + message));
        if (c.type() != ColumnType.CATEGORICAL) {
            return parsed;
        }
        // The partition saw some of the levels: code them as the whole column does.
        CategoricalColumn local = (CategoricalColumn) parsed;
        Map<String, Integer> global = new HashMap<>();
        for (int l = 0; l < c.levels().size(); l++) {
            global.put(c.levels().get(l), l);
        }
        int[] map = new int[local.levels().size()];
        for (int l = 0; l < map.length; l++) {
            map[l] = global.get(local.levels().get(l));
        }
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            int code = local.code(i);
            codes[i] = code < 0 ? -1 : map[code];
        }
        return new CategoricalColumn(c.name(), ColumnType.CATEGORICAL, c.levels(), codes);
    }
}
