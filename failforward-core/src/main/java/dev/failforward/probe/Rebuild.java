package dev.failforward.probe;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.List;

/** Puts changed column arrays (double[] for numeric, int[] codes for categorical) back into a table. */
final class Rebuild {

    private Rebuild() {
    }

    static Table table(Table test, List<Column> columns, Object[] data) {
        Table result = test;
        for (int c = 0; c < data.length; c++) {
            Column original = columns.get(c);
            result = result.replace(original instanceof CategoricalColumn cc
                    ? new CategoricalColumn(cc.name(), cc.type(), cc.levels(), (int[]) data[c])
                    : new NumericColumn(original.name(), (double[]) data[c]));
        }
        return result;
    }
}
