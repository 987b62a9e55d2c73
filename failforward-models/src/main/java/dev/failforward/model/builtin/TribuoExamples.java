package dev.failforward.model.builtin;

import dev.failforward.data.Table;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/** Encoded rows as Tribuo examples, sparse: absent features and zero indicators and counts are left out. */
final class TribuoExamples {

    private TribuoExamples() {
    }

    /**
     * Whether an encoded value is left out of what the model sees: missing, or a zero of a feature
     * that drops its zeros (indicators, counts). XGBoost then treats it as missing.
     */
    static boolean absent(double value, boolean keepsZero) {
        return Double.isNaN(value) || (value == 0 && !keepsZero);
    }

    /** Examples for rows {@code from} (inclusive) to {@code to} (exclusive); {@code output} gives each row's output by row index. */
    static <T extends Output<T>> List<Example<T>> of(FeatureEncoder encoder, Table rows, int from, int to, IntFunction<T> output) {
        String[] names = encoder.featureNames().toArray(String[]::new);
        int width = names.length;
        double[] block = encoder.encode(rows, from, to);
        boolean[] keepsZero = encoder.keepsZero();
        List<Example<T>> out = new ArrayList<>(to - from);
        String[] rowNames = new String[width];
        double[] rowValues = new double[width];
        for (int r = from; r < to; r++) {
            int n = 0;
            int base = (r - from) * width;
            for (int f = 0; f < width; f++) {
                double v = block[base + f];
                if (absent(v, keepsZero[f])) {
                    continue;
                }
                rowNames[n] = names[f];
                rowValues[n] = v;
                n++;
            }
            out.add(new ArrayExample<>(output.apply(r), Arrays.copyOf(rowNames, n), Arrays.copyOf(rowValues, n)));
        }
        return out;
    }
}
