package dev.failforward.detect;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers in slice labels as the data writes them: at most as many decimals as the column's values
 * carry (from a sample of up to 1,000 of them, capped at 6), so a boundary read from 32-bit floats
 * or computed in binary shows {@code 0.1}, not {@code 0.10000000149011612}.
 */
final class NumberLabels {

    static final int MAX_DECIMALS = 6;
    private static final int SAMPLE = 1000;

    private NumberLabels() {
    }

    /** The decimals the present values of {@code values} carry, at most {@value #MAX_DECIMALS}. */
    static int decimals(double[] values) {
        int step = Math.max(1, values.length / SAMPLE);
        int most = 0;
        for (int i = 0; i < values.length && most < MAX_DECIMALS; i += step) {
            double v = values[i];
            if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                most = Math.max(most, decimalsOf(v));
            }
        }
        return Math.min(most, MAX_DECIMALS);
    }

    static String format(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        BigDecimal d = new BigDecimal(shortest(v)).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        String s = d.toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static int decimalsOf(double v) {
        return Math.max(0, new BigDecimal(shortest(v)).stripTrailingZeros().scale());
    }

    /** The shortest text of a value: as a 32-bit float when it is one (data read from float columns). */
    private static String shortest(double v) {
        float f = (float) v;
        return f == v && Float.isFinite(f) ? Float.toString(f) : Double.toString(v);
    }
}
