package dev.failforward.testmodel;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.model.Target;

import java.util.ArrayList;
import java.util.List;

/**
 * How the test models see rows: numbers standardised with the training rows' mean and deviation
 * (missing as the mean), categories one-hot by level name (missing and unseen levels all zeros),
 * text columns left out, and a constant 1 last for a bias.
 */
record Encoding(List<Feature> features) {

    static Encoding fit(Table train, Target target) {
        List<Feature> features = new ArrayList<>();
        for (Column c : train.features()) {
            if (c.name().equals(target.column())) {
                continue;
            }
            if (c instanceof NumericColumn n) {
                double sum = 0;
                double squares = 0;
                int count = 0;
                for (double v : n.values()) {
                    if (!Double.isNaN(v)) {
                        sum += v;
                        squares += v * v;
                        count++;
                    }
                }
                double mean = count == 0 ? 0 : sum / count;
                double sd = count == 0 ? 0 : Math.sqrt(Math.max(0, squares / count - mean * mean));
                features.add(new Feature(c.name(), mean, sd > 0 ? sd : 1, null));
            } else if (c instanceof CategoricalColumn cat) {
                features.add(new Feature(c.name(), 0, 1, cat.levels()));
            }
        }
        return new Encoding(List.copyOf(features));
    }

    /** The features, without the constant. */
    int width() {
        return features.stream().mapToInt(Feature::width).sum();
    }

    /** The rows encoded, one row of {@link #width()} features and the constant 1. */
    double[] design(Table t) {
        int rows = t.rowCount();
        int stride = width() + 1;
        double[] x = new double[rows * stride];
        int offset = 0;
        for (Feature f : features) {
            f.encode(t.column(f.column()), x, offset, rows, stride);
            offset += f.width();
        }
        for (int i = 0; i < rows; i++) {
            x[i * stride + stride - 1] = 1;
        }
        return x;
    }

    /** One feature column's part of the design matrix. */
    record Feature(String column, double mean, double scale, List<String> levels) {

        int width() {
            return levels == null ? 1 : levels.size();
        }

        void encode(Column c, double[] x, int offset, int rows, int stride) {
            if (levels == null) {
                NumericColumn n = (NumericColumn) c;
                for (int i = 0; i < rows; i++) {
                    double v = n.get(i);
                    x[i * stride + offset] = Double.isNaN(v) ? 0 : (v - mean) / scale;
                }
                return;
            }
            CategoricalColumn cat = (CategoricalColumn) c;
            int[] slot = new int[cat.levels().size()];
            for (int k = 0; k < slot.length; k++) {
                slot[k] = levels.indexOf(cat.levels().get(k));
            }
            for (int i = 0; i < rows; i++) {
                int code = cat.code(i);
                if (code >= 0 && slot[code] >= 0) {
                    x[i * stride + offset + slot[code]] = 1;
                }
            }
        }
    }
}
