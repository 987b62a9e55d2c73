package dev.failforward.spark;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.ArrayList;
import java.util.List;

/** The feature columns the slice search codes ({@code FeatureCodes}: numbers and categories, not text), in table order. */
final class FeatureColumns {

    private FeatureColumns() {
    }

    static List<Column> of(Table table) {
        List<Column> out = new ArrayList<>();
        for (Column c : table.features()) {
            if (c instanceof NumericColumn || c instanceof CategoricalColumn) {
                out.add(c);
            }
        }
        return out;
    }
}
