package dev.failforward.probe;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.Arrays;
import java.util.List;

/** Column helpers shared by the probes: which features they may change, and typical values. */
final class Columns {

    private Columns() {
    }

    /** Numeric and categorical feature columns (text columns are left to text probes). */
    static List<Column> tabularFeatures(Table table) {
        return table.features().stream().filter(c -> c.type() != ColumnType.TEXT).toList();
    }

    static List<CategoricalColumn> categoricalFeatures(Table table) {
        return table.features().stream().filter(c -> c instanceof CategoricalColumn cc && cc.levels().size() >= 2)
                .map(c -> (CategoricalColumn) c).toList();
    }

    static List<NumericColumn> numericFeatures(Table table) {
        return table.features().stream().filter(c -> c instanceof NumericColumn).map(c -> (NumericColumn) c).toList();
    }

    /** Sample standard deviation of the present values; 0 when fewer than two. */
    static double spread(NumericColumn c) {
        double[] v = Arrays.stream(c.values()).filter(x -> !Double.isNaN(x)).toArray();
        if (v.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(v).average().orElse(0);
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    static double median(NumericColumn c) {
        double[] v = Arrays.stream(c.values()).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Code of the most frequent level (lowest code on ties); -1 when all are missing. */
    static int mode(CategoricalColumn c) {
        int[] counts = new int[c.levels().size()];
        for (int code : c.codes()) {
            if (code >= 0) {
                counts[code]++;
            }
        }
        int best = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                best = i;
            }
        }
        return best;
    }
}
