package dev.failforward.model.builtin;

import dev.failforward.data.Column;

import java.io.Serializable;
import java.util.List;

/**
 * Turns one input column into a fixed list of numeric features. Fitted on training rows, then
 * only read, so the same rows always give the same features.
 */
public sealed interface ColumnEncoder extends Serializable permits NumericEncoder, CategoricalEncoder, TextEncoder {

    /** The input column this encoder reads. */
    String column();

    /** The names of the features it writes, in the order it writes them. */
    List<String> featureNames();

    /**
     * Writes rows {@code from} (inclusive) to {@code to} (exclusive) of {@code input}: the features
     * of row {@code r} start at {@code (r - from) * stride + offset} of {@code out}, which arrives
     * zero-filled. {@code NaN} marks an absent feature.
     */
    void encode(Column input, int from, int to, double[] out, int stride, int offset);

    /**
     * Whether a zero in this encoder's first feature must reach the model as a value. Models read an
     * absent feature as zero (linear, CART) or as missing (XGBoost); indicators and counts mean the
     * same either way, but a measured zero is not a missing number.
     */
    default boolean keepsZero() {
        return false;
    }
}
