package dev.failforward.probe;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.List;
import java.util.SplittableRandom;

/** In a share {@code level} of rows, one feature's value is removed, as when an upstream field goes missing. */
public final class MissingValueProbe implements Probe {

    @Override
    public String id() {
        return "missing-value";
    }

    @Override
    public String description() {
        return "one feature per row set to missing, in a share (level) of rows";
    }

    @Override
    public List<Double> levels() {
        return List.of(0.1, 0.3, 1.0);
    }

    @Override
    public Table perturb(Table test, double level, long seed) {
        List<Column> columns = Columns.tabularFeatures(test);
        if (columns.isEmpty() || level == 0) {
            return test;
        }
        Object[] data = new Object[columns.size()];
        for (int c = 0; c < data.length; c++) {
            data[c] = columns.get(c) instanceof NumericColumn n ? n.values().clone() : ((CategoricalColumn) columns.get(c)).codes().clone();
        }
        for (int r = 0; r < test.rowCount(); r++) {
            SplittableRandom random = RowRandom.of(seed, id(), level, r);
            boolean hit = random.nextDouble() < level;
            int c = random.nextInt(data.length);
            if (hit) {
                if (data[c] instanceof double[] v) {
                    v[r] = Double.NaN;
                } else {
                    ((int[]) data[c])[r] = -1;
                }
            }
        }
        return Rebuild.table(test, columns, data);
    }
}
