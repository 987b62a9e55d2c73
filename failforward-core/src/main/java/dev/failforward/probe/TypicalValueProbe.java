package dev.failforward.probe;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.List;
import java.util.SplittableRandom;

/**
 * In a share {@code level} of rows, one feature is dropped to its typical value (median of a numeric
 * column, most frequent level of a categorical one): does the model lean on that feature's detail?
 */
public final class TypicalValueProbe implements Probe {

    @Override
    public String id() {
        return "typical-value";
    }

    @Override
    public String description() {
        return "one feature per row set to its median / most frequent level, in a share (level) of rows";
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
        double[] typical = new double[columns.size()];
        for (int c = 0; c < data.length; c++) {
            if (columns.get(c) instanceof NumericColumn n) {
                data[c] = n.values().clone();
                typical[c] = Columns.median(n);
            } else {
                CategoricalColumn cc = (CategoricalColumn) columns.get(c);
                data[c] = cc.codes().clone();
                typical[c] = Columns.mode(cc);
            }
        }
        for (int r = 0; r < test.rowCount(); r++) {
            SplittableRandom random = RowRandom.of(seed, id(), level, r);
            boolean hit = random.nextDouble() < level;
            int c = random.nextInt(data.length);
            if (hit) {
                if (data[c] instanceof double[] v) {
                    v[r] = typical[c];
                } else {
                    ((int[]) data[c])[r] = (int) typical[c];
                }
            }
        }
        return Rebuild.table(test, columns, data);
    }
}
