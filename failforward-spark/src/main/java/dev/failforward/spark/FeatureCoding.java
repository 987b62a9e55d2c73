package dev.failforward.spark;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.detect.FeatureCodes;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The slice search's coding of the features, decided once on the driver from the whole column and
 * applied to every partition: the same codes and labels as {@link FeatureCodes} gives the whole table
 * (categories keep their codes, numbers fall in quantile bins, a missing value is a level of its own).
 * The bins come from {@link FeatureCodes} itself, run on each numeric column's values; a cut point is
 * the smallest value of its bin, since {@code FeatureCodes} cuts at values of the column.
 *
 * @param cuts per feature, the cut points of a numeric feature ({@code null} for a category)
 */
record FeatureCoding(List<String> names, List<List<String>> labels, List<double[]> cuts) implements Serializable {

    FeatureCoding {
        names = List.copyOf(names);
        labels = List.copyOf(labels);
        cuts = new ArrayList<>(cuts);
    }

    /**
     * @param features           the coded features in order (numbers, categories and booleans)
     * @param numericValues      every row's value of each numeric feature, in feature order
     * @param categoricalMissing whether each categorical feature has a missing value, in feature order
     */
    static FeatureCoding of(List<ColumnSpec> features, List<double[]> numericValues, boolean[] categoricalMissing, int bins) {
        List<String> names = new ArrayList<>();
        List<List<String>> labels = new ArrayList<>();
        List<double[]> cuts = new ArrayList<>();
        int num = 0;
        int cat = 0;
        for (ColumnSpec f : features) {
            names.add(f.name());
            if (f.type() == ColumnType.NUMERIC) {
                double[] values = numericValues.get(num++);
                FeatureCodes codes = FeatureCodes.of(List.of(new NumericColumn(f.name(), values)), values.length, bins);
                labels.add(codes.labels().get(0));
                cuts.add(cutsOf(values, codes.codes().get(0), codes.levels(0)));
            } else {
                int[] one = categoricalMissing[cat++] ? new int[]{-1} : new int[0];
                FeatureCodes codes = FeatureCodes.of(List.of(new CategoricalColumn(f.name(), f.type(), f.levels(), one)),
                        one.length, bins);
                labels.add(codes.labels().get(0));
                cuts.add(null);
            }
        }
        return new FeatureCoding(names, labels, cuts);
    }

    /** The smallest value coded {@code c}, for each code after the first present one. */
    private static double[] cutsOf(double[] values, int[] codes, int levels) {
        double[] min = new double[levels + 1];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        int highest = -1;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                min[codes[i]] = Math.min(min[codes[i]], values[i]);
                highest = Math.max(highest, codes[i]);
            }
        }
        return highest <= 0 ? new double[0] : Arrays.copyOfRange(min, 1, highest + 1);
    }

    /** A coding of no features, for a scan without the slice search. */
    static FeatureCoding none() {
        return new FeatureCoding(List.of(), List.of(), List.of());
    }

    int features() {
        return names.size();
    }

    int levels(int feature) {
        return labels.get(feature).size();
    }

    /** Each feature's code per row of {@code table} (whose coded features are in the same order). */
    int[][] codes(Table table) {
        int n = table.rowCount();
        int[][] out = new int[names.size()][];
        for (int f = 0; f < out.length; f++) {
            int[] codes = new int[n];
            Column column = table.column(names.get(f));
            if (column instanceof NumericColumn num) {
                double[] cut = cuts.get(f);
                int missing = cut.length + 1;
                for (int i = 0; i < n; i++) {
                    double v = num.get(i);
                    if (Double.isNaN(v)) {
                        codes[i] = missing;
                    } else {
                        int pos = Arrays.binarySearch(cut, v);
                        codes[i] = pos >= 0 ? pos + 1 : -pos - 1;
                    }
                }
            } else {
                CategoricalColumn cat = (CategoricalColumn) column;
                int missing = cat.levels().size();
                for (int i = 0; i < n; i++) {
                    int c = cat.code(i);
                    codes[i] = c < 0 ? missing : c;
                }
            }
            out[f] = codes;
        }
        return out;
    }
}
