package dev.failforward.model.builtin;

import dev.failforward.data.Column;
import dev.failforward.data.DataException;
import dev.failforward.data.Table;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a table's feature columns into the numeric features a model trains on, fitted once on the
 * training rows and then only read, so training and prediction see the same features. Columns are
 * read by name; a leading constant feature keeps every row non-empty (Tribuo refuses rows without
 * any known feature). Rows are never dropped: missing and unseen values have features of their own.
 */
public record FeatureEncoder(EncodingStyle style, List<ColumnEncoder> columns) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The name of the constant feature, 1 in every row. */
    public static final String CONSTANT = "(constant)";

    public FeatureEncoder {
        columns = List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        seen.add(CONSTANT);
        for (ColumnEncoder c : columns) {
            for (String name : c.featureNames()) {
                if (!seen.add(name)) {
                    throw new IllegalArgumentException("two features would be named '" + name
                            + "'; rename column '" + c.column() + "'");
                }
            }
        }
    }

    /** Fits an encoder for the feature columns (role FEATURE) of {@code train}. */
    public static FeatureEncoder fit(Table train, EncodingStyle style) {
        List<Column> features = train.features();
        if (features.isEmpty()) {
            throw new IllegalArgumentException(train.source() + ": there are no feature columns to train on");
        }
        List<ColumnEncoder> encoders = new ArrayList<>(features.size());
        for (Column c : features) {
            try {
                encoders.add(switch (c.type()) {
                    case NUMERIC, BOOLEAN -> NumericEncoder.fit(c, style);
                    case CATEGORICAL -> CategoricalEncoder.fit(c);
                    case TEXT -> TextEncoder.fit(c);
                });
            } catch (DataException e) {
                throw new DataException(train.source() + ": " + e.getMessage(), e);
            }
        }
        return new FeatureEncoder(style, encoders);
    }

    /** All feature names, the constant first, then each column's features in column order. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        names.add(CONSTANT);
        for (ColumnEncoder c : columns) {
            names.addAll(c.featureNames());
        }
        return names;
    }

    /** The number of features per row, the constant included. */
    public int width() {
        int width = 1;
        for (ColumnEncoder c : columns) {
            width += c.featureNames().size();
        }
        return width;
    }

    /** For each feature, whether a zero must be passed to the model rather than left out (see {@link ColumnEncoder#keepsZero}). */
    public boolean[] keepsZero() {
        boolean[] keep = new boolean[width()];
        int offset = 1;
        for (ColumnEncoder c : columns) {
            keep[offset] = c.keepsZero();
            offset += c.featureNames().size();
        }
        return keep;
    }

    /** The input columns read, in order. */
    public List<String> inputColumns() {
        return columns.stream().map(ColumnEncoder::column).toList();
    }

    /** Fails with a message naming the first input column that {@code rows} lacks. */
    public void requireColumns(Table rows) {
        for (ColumnEncoder c : columns) {
            if (rows.find(c.column()).isEmpty()) {
                throw new DataException(rows.source() + ": no column '" + c.column()
                        + "', which the model was trained on; columns are " + String.join(", ", rows.columnNames()));
            }
        }
    }

    /**
     * The features of rows {@code from} (inclusive) to {@code to} (exclusive), row-major with
     * {@code featureNames().size()} values per row; {@code NaN} marks an absent feature.
     */
    public double[] encode(Table rows, int from, int to) {
        requireColumns(rows);
        int stride = width();
        double[] out = new double[(to - from) * stride];
        for (int r = 0; r < to - from; r++) {
            out[r * stride] = 1;
        }
        int offset = 1;
        for (ColumnEncoder c : columns) {
            try {
                c.encode(rows.column(c.column()), from, to, out, stride, offset);
            } catch (DataException e) {
                throw new DataException(rows.source() + ": " + e.getMessage(), e);
            }
            offset += c.featureNames().size();
        }
        return out;
    }
}
