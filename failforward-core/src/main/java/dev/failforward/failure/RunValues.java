package dev.failforward.failure;

import dev.failforward.api.PublicApi;
import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * How many evaluated rows of one run had each value of each input column, and how many of those
 * failed: what a failure rate per value needs and what the failures alone cannot tell. Stored with
 * the run, in the transaction that completes it. Categories are counted per value; numbers per
 * decile bin of the run's own evaluated rows (one bin per value when a column has at most
 * {@value #BINS} distinct values), so each bin holds about a tenth of the rows and its rate is about
 * equally reliable; the bin edges are kept with the counts. Free text is left out, and so are
 * columns with more than {@value #MAX_CATEGORIES} distinct categories (identifiers, not groups).
 */
@PublicApi
public record RunValues(List<ValueCount> counts) {

    /** Quantile bins of a numeric column. */
    public static final int BINS = 10;
    /** Categorical columns with more distinct values than this are not counted. */
    public static final int MAX_CATEGORIES = 1_000;

    public RunValues {
        counts = List.copyOf(counts);
    }

    /** No counts: the run's rates are unknown. */
    public static RunValues none() {
        return new RunValues(List.of());
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /**
     * The counts of a scan's evaluated rows: {@code predictions} are in the table's row order, and a
     * row fails when its prediction is a failure. The target column is not an input.
     */
    public static RunValues of(Table evaluated, List<PredictionRecord> predictions) {
        if (predictions.size() != evaluated.rowCount()) {
            throw new IllegalArgumentException(predictions.size() + " predictions for " + evaluated.rowCount() + " rows");
        }
        boolean[] failed = new boolean[predictions.size()];
        for (int i = 0; i < failed.length; i++) {
            failed[i] = predictions.get(i).failure();
        }
        List<ValueCount> out = new ArrayList<>();
        for (Column c : evaluated.columns()) {
            if (evaluated.role(c.name()) == ColumnRole.TARGET) {
                continue;
            }
            if (c instanceof NumericColumn n) {
                out.addAll(numbers(c.name(), n.values(), failed));
            } else if (c instanceof CategoricalColumn k) {
                out.addAll(categories(k, failed));
            }
        }
        return new RunValues(out);
    }

    /**
     * The counts of judged production pairs: one input map per pair. A column whose values are all
     * numbers is binned; any other is counted per value as text ({@code true}/{@code false} for booleans).
     */
    public static RunValues of(List<Map<String, Object>> inputs, boolean[] failed) {
        if (inputs.size() != failed.length) {
            throw new IllegalArgumentException(inputs.size() + " inputs but " + failed.length + " outcomes");
        }
        Map<String, Boolean> numeric = new LinkedHashMap<>();
        for (Map<String, Object> input : inputs) {
            input.forEach((k, v) -> numeric.merge(k, v == null || v instanceof Number, Boolean::logicalAnd));
        }
        List<ValueCount> out = new ArrayList<>();
        numeric.forEach((name, isNumber) -> {
            if (isNumber) {
                double[] values = new double[inputs.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = inputs.get(i).get(name) instanceof Number x ? x.doubleValue() : Double.NaN;
                }
                out.addAll(numbers(name, values, failed));
            } else {
                Map<String, long[]> byValue = new TreeMap<>();
                long[] missing = new long[2];
                for (int i = 0; i < failed.length; i++) {
                    Object v = inputs.get(i).get(name);
                    long[] n = v == null ? missing : byValue.computeIfAbsent(String.valueOf(v), x -> new long[2]);
                    n[0]++;
                    n[1] += failed[i] ? 1 : 0;
                }
                if (byValue.size() <= MAX_CATEGORIES) {
                    byValue.forEach((v, n) -> out.add(new ValueCount(name, v, null, null, n[0], n[1])));
                    if (missing[0] > 0) {
                        out.add(new ValueCount(name, null, null, null, missing[0], missing[1]));
                    }
                }
            }
        });
        return new RunValues(out);
    }

    /** These counts with the columns {@code drop} accepts left out. */
    public RunValues without(Predicate<String> drop) {
        return new RunValues(counts.stream().filter(c -> !drop.test(c.column())).toList());
    }

    private static List<ValueCount> categories(CategoricalColumn c, boolean[] failed) {
        long[] rows = new long[c.levels().size()];
        long[] fails = new long[rows.length];
        long missingRows = 0;
        long missingFails = 0;
        for (int i = 0; i < failed.length; i++) {
            int code = c.code(i);
            if (code < 0) {
                missingRows++;
                missingFails += failed[i] ? 1 : 0;
            } else {
                rows[code]++;
                fails[code] += failed[i] ? 1 : 0;
            }
        }
        List<ValueCount> out = new ArrayList<>();
        for (int k = 0; k < rows.length; k++) {
            if (rows[k] > 0) {
                out.add(new ValueCount(c.name(), c.levels().get(k), null, null, rows[k], fails[k]));
            }
        }
        if (out.size() > MAX_CATEGORIES) {
            return List.of();
        }
        if (missingRows > 0) {
            out.add(new ValueCount(c.name(), null, null, null, missingRows, missingFails));
        }
        return out;
    }

    /**
     * Decile bins {@code [edge_k, edge_k+1)} of the present values, the top bin closed; a value equal
     * to an edge falls in the bin that starts there, so rows and failures are counted over the same
     * bins. Inner edges are rounded to two significant digits of the column's range (29.85 to 30 over
     * a range of 100): labels read well, and runs over similar rows get the same edges, so that their
     * counts pool bin by bin. NaN is missing.
     */
    static List<ValueCount> numbers(String name, double[] values, boolean[] failed) {
        int present = 0;
        long missingRows = 0;
        long missingFails = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                missingRows++;
                missingFails += failed[i] ? 1 : 0;
            } else {
                present++;
            }
        }
        double[] sorted = new double[present];
        int p = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sorted[p++] = v;
            }
        }
        Arrays.sort(sorted);
        double[] distinct = Arrays.stream(sorted).distinct().limit(BINS + 1L).toArray();
        double[] edges;
        boolean exact = distinct.length <= BINS;
        if (exact) {
            edges = distinct;
        } else {
            double min = sorted[0];
            double max = sorted[present - 1];
            double[] candidates = new double[BINS];
            candidates[0] = min;
            for (int k = 1; k < BINS; k++) {
                candidates[k] = round(sorted[(int) ((long) k * present / BINS)], max - min);
            }
            edges = Arrays.stream(candidates).filter(e -> e == min || e > min && e <= max).sorted().distinct().toArray();
        }
        long[] rows = new long[edges.length];
        long[] fails = new long[edges.length];
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                int at = Arrays.binarySearch(edges, values[i]);
                int bin = at >= 0 ? at : -at - 2;
                rows[bin]++;
                fails[bin] += failed[i] ? 1 : 0;
            }
        }
        List<ValueCount> out = new ArrayList<>();
        double max = present == 0 ? Double.NaN : sorted[present - 1];
        for (int b = 0; b < edges.length; b++) {
            double high = exact ? edges[b] : b + 1 < edges.length ? edges[b + 1] : max;
            out.add(new ValueCount(name, null, edges[b], high, rows[b], fails[b]));
        }
        if (missingRows > 0) {
            out.add(new ValueCount(name, null, null, null, missingRows, missingFails));
        }
        return out;
    }

    /** {@code v} rounded to a multiple of the power of ten that divides {@code range} into 100 to 1,000 steps. */
    static double round(double v, double range) {
        if (!(range > 0) || !Double.isFinite(range) || !Double.isFinite(v)) {
            return v;
        }
        int exponent = (int) Math.floor(Math.log10(range)) - 2;
        double steps = Math.rint(v / Math.pow(10, exponent));
        return java.math.BigDecimal.valueOf((long) steps).scaleByPowerOfTen(exponent).doubleValue();
    }
}
