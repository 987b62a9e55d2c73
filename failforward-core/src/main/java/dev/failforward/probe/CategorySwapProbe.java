package dev.failforward.probe;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Table;

import java.util.List;
import java.util.SplittableRandom;

/** In a share {@code level} of rows, one categorical feature's value is replaced by another level of the same column. */
public final class CategorySwapProbe implements Probe {

    @Override
    public String id() {
        return "category-swap";
    }

    @Override
    public String description() {
        return "one category per row replaced by another level of its column, in a share (level) of rows";
    }

    @Override
    public List<Double> levels() {
        return List.of(0.1, 0.3, 1.0);
    }

    @Override
    public boolean appliesTo(Table test) {
        return !Columns.categoricalFeatures(test).isEmpty();
    }

    @Override
    public Table perturb(Table test, double level, long seed) {
        List<CategoricalColumn> columns = Columns.categoricalFeatures(test);
        if (columns.isEmpty() || level == 0) {
            return test;
        }
        int[][] codes = new int[columns.size()][];
        for (int c = 0; c < codes.length; c++) {
            codes[c] = columns.get(c).codes().clone();
        }
        for (int r = 0; r < test.rowCount(); r++) {
            SplittableRandom random = RowRandom.of(seed, id(), level, r);
            boolean hit = random.nextDouble() < level;
            int c = random.nextInt(codes.length);
            int levels = columns.get(c).levels().size();
            int shift = 1 + random.nextInt(levels - 1);
            if (hit && codes[c][r] >= 0) {
                codes[c][r] = (codes[c][r] + shift) % levels;
            }
        }
        Table result = test;
        for (int c = 0; c < codes.length; c++) {
            CategoricalColumn original = columns.get(c);
            result = result.replace(new CategoricalColumn(original.name(), original.type(), original.levels(), codes[c]));
        }
        return result;
    }
}
