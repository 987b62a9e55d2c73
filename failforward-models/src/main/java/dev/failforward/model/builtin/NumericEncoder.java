package dev.failforward.model.builtin;

import dev.failforward.data.Column;
import dev.failforward.data.DataException;
import dev.failforward.data.NumericColumn;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A numeric or boolean column as one feature, {@code (value - center) / scale}. A missing value is
 * either imputed with the training median (plus a {@code <col>:missing} indicator when the column
 * had missing values in training) or left absent for models that handle missing values natively.
 * Booleans read as 0 and 1. An infinite value reads as the largest (or smallest) value seen in
 * training, so it lands where a very large value would, and the model never sees an infinity.
 */
public record NumericEncoder(String column, double center, double scale, boolean impute, double fill,
                             boolean indicator, double low, double high) implements ColumnEncoder {

    private static final long serialVersionUID = 1L;

    public NumericEncoder {
        if (!(scale > 0) || !Double.isFinite(center) || !Double.isFinite(fill) || !Double.isFinite(low)
                || !Double.isFinite(high)) {
            throw new IllegalArgumentException("column '" + column + "': bad scaling " + center + ", " + scale + ", " + fill);
        }
    }

    /** An encoder without infinity bounds of its own: infinities read as plus or minus {@code Double.MAX_VALUE}. */
    public NumericEncoder(String column, double center, double scale, boolean impute, double fill, boolean indicator) {
        this(column, center, scale, impute, fill, indicator, -Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /** Fits the encoder on a training column. */
    public static NumericEncoder fit(Column train, EncodingStyle style) {
        double[] present = new double[train.size()];
        int n = 0;
        int missing = 0;
        for (int r = 0; r < train.size(); r++) {
            double v = read(train, r);
            if (Double.isNaN(v)) {
                missing++;
            } else if (Double.isFinite(v)) {
                present[n++] = v;
            }
        }
        present = Arrays.copyOf(present, n);
        double mean = 0;
        for (double v : present) {
            mean += v;
        }
        mean = n == 0 ? 0 : mean / n;
        double squares = 0;
        for (double v : present) {
            squares += (v - mean) * (v - mean);
        }
        double sd = n == 0 ? 0 : Math.sqrt(squares / n);
        Arrays.sort(present);
        double median = n == 0 ? 0 : n % 2 == 1 ? present[n / 2] : (present[n / 2 - 1] + present[n / 2]) / 2;
        boolean standardise = style.standardise() && sd > 0 && Double.isFinite(sd);
        boolean hadMissing = missing > 0;
        double low = n == 0 ? 0 : present[0];
        double high = n == 0 ? 0 : present[n - 1];
        return new NumericEncoder(train.name(), standardise ? mean : 0, standardise ? sd : 1, style.impute(), median,
                style.impute() && hadMissing, low, high);
    }

    @Override
    public List<String> featureNames() {
        return indicator ? List.of(column, column + ":missing") : List.of(column);
    }

    /** Without imputation, absent means missing, so a measured zero must be written out. */
    @Override
    public boolean keepsZero() {
        return !impute;
    }

    @Override
    public void encode(Column input, int from, int to, double[] out, int stride, int offset) {
        for (int r = from; r < to; r++) {
            int at = (r - from) * stride + offset;
            double v = read(input, r);
            if (Double.isInfinite(v)) {
                v = v > 0 ? high : low;
            }
            if (!Double.isNaN(v)) {
                out[at] = (v - center) / scale;
            } else if (impute) {
                out[at] = (fill - center) / scale;
                if (indicator) {
                    out[at + 1] = 1;
                }
            } else {
                out[at] = Double.NaN;
            }
        }
    }

    /**
     * The row's value as a number, {@code NaN} when missing; infinities stay infinite. Also reads booleans and
     * numbers written as text, so a column whose type was inferred differently still works.
     */
    static double read(Column column, int row) {
        if (column instanceof NumericColumn numbers) {
            return numbers.get(row);
        }
        if (column.isMissing(row)) {
            return Double.NaN;
        }
        String text = column.text(row).trim().toLowerCase(Locale.ROOT);
        switch (text) {
            case "true", "yes" -> {
                return 1;
            }
            case "false", "no" -> {
                return 0;
            }
            default -> {
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new DataException("column '" + column.name() + "', row " + row
                            + ": expected a number, found '" + abbreviate(column.text(row)) + "'");
                }
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
