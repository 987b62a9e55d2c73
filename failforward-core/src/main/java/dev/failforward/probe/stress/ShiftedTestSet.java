package dev.failforward.probe.stress;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A test set whose distribution of one feature is moved: the test rows are drawn again, with replacement
 * and as many as there are, {@link StressSettings#SHIFT_SHARE} of them from the favoured rows and the rest
 * from the others. Favoured are, for a numeric column and quantile q, the values at or above the q quantile
 * when q is at least 0.5 (high values) and at or below it otherwise (low values); for a categorical column,
 * one level. The draw depends
 * only on the seed.
 */
final class ShiftedTestSet {

    /** The drawn test rows (indexes, with repeats), what they favour, and the favoured share before and after. */
    record Shifted(int[] rows, String favoured, double shareBefore, double shareAfter) {
    }

    private ShiftedTestSet() {
    }

    static Shifted draw(Table test, ShiftSpec spec, long seed) {
        Column c = test.column(spec.column());
        boolean[] favoured = new boolean[c.size()];
        String label;
        if (c instanceof NumericColumn n) {
            double q = ShiftSpec.DEFAULT_QUANTILE;
            if (spec.value() != null) {
                try {
                    q = Double.parseDouble(spec.value());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--shift " + spec.column() + ":" + spec.value()
                            + ": for a numeric column the value is a quantile between 0 and 1, e.g. " + spec.column() + ":0.75");
                }
            }
            if (!(q > 0 && q < 1)) {
                throw new IllegalArgumentException("--shift " + spec.column() + ": the quantile must be between 0 and 1, got " + q);
            }
            double[] present = Arrays.stream(n.values()).filter(Double::isFinite).sorted().toArray();
            if (present.length == 0) {
                throw new IllegalArgumentException("--shift " + spec.column() + ": the column has no values in the test rows");
            }
            double threshold = present[(int) Math.floor(q * (present.length - 1))];
            boolean high = q >= 0.5;
            for (int r = 0; r < favoured.length; r++) {
                favoured[r] = high ? n.get(r) >= threshold : n.get(r) <= threshold;
            }
            label = spec.column() + (high ? " >= " : " <= ") + NumericColumn.format(threshold) + " (q" + NumericColumn.format(q) + ")";
        } else if (c instanceof CategoricalColumn cc) {
            String level = spec.value() == null ? rarest(cc) : spec.value();
            if (!cc.levels().contains(level)) {
                throw new IllegalArgumentException("--shift " + spec.column() + ":" + level + ": no such level; levels are "
                        + cc.levels());
            }
            for (int r = 0; r < favoured.length; r++) {
                favoured[r] = level.equals(cc.text(r));
            }
            label = spec.column() + " = " + level;
        } else {
            throw new IllegalArgumentException("--shift " + spec.column() + ": a text column cannot be shifted");
        }
        int[] in = IntStream.range(0, favoured.length).filter(r -> favoured[r]).toArray();
        int[] out = IntStream.range(0, favoured.length).filter(r -> !favoured[r]).toArray();
        if (in.length == 0 || out.length == 0) {
            throw new IllegalArgumentException("--shift " + label + ": " + (in.length == 0 ? "no" : "every")
                    + " test row is favoured, so nothing can shift");
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x5A1F7L);
        int[] rows = new int[favoured.length];
        int drawnIn = 0;
        for (int i = 0; i < rows.length; i++) {
            boolean pick = random.nextDouble() < StressSettings.SHIFT_SHARE;
            rows[i] = pick ? in[random.nextInt(in.length)] : out[random.nextInt(out.length)];
            drawnIn += pick ? 1 : 0;
        }
        return new Shifted(rows, label, (double) in.length / favoured.length, (double) drawnIn / rows.length);
    }

    /** The least frequent level present in the rows (ties: the first in level order). */
    private static String rarest(CategoricalColumn c) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (int code : c.codes()) {
            if (code >= 0) {
                counts.merge(code, 1, Integer::sum);
            }
        }
        return c.levels().get(counts.entrySet().stream()
                .min(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow(() -> new IllegalArgumentException("--shift " + c.name() + ": the column has no values"))
                .getKey());
    }
}
