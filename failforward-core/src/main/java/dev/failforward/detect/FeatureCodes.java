package dev.failforward.detect;

import dev.failforward.api.PublicApi;
import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Feature columns as small integer codes, one {@code int[]} per feature: categories keep their
 * dictionary codes, numbers are binned at quantiles, a missing value is a level of its own. This
 * is what slice search and per-slice statistics count over, with no per-row objects.
 *
 * <p>A binned number also has <em>ranges</em>: one-sided predicates over its ordered bins, the
 * tails {@code x < cut} and {@code x ≥ cut} that hold more than one bin and at most half of the
 * bins, so that a condition such as {@code x > 1} that spans several bins can be one predicate (a
 * range over more than half of the rows is the complement of a tail, and a slice that large is
 * not a weak slice). Predicate {@code level} of feature {@code f} is a code when below
 * {@link #levels}, else range {@code level − levels(f)} (see {@link #matches}); slice search uses
 * ranges only when asked to.
 *
 * @param names  feature names
 * @param labels per feature, a readable label per code ({@code tenure < 12}, {@code contract = Month-to-month})
 * @param codes  per feature, the code of each row
 * @param ranges per feature, its ranges (empty for categories and numbers of fewer than 4 bins)
 */
@PublicApi
public record FeatureCodes(List<String> names, List<List<String>> labels, List<int[]> codes, int rows,
                           List<List<Range>> ranges) {

    /**
     * Rows whose code is below {@code cut} ({@code below}) or at least {@code cut}, among the ordered
     * codes {@code 0 … bins−1} (a missing value, coded {@code bins}, is in no range).
     */
    public record Range(String label, int cut, boolean below, int bins) {

        boolean matches(int code) {
            return code < bins && (below ? code < cut : code >= cut);
        }
    }

    public FeatureCodes {
        names = List.copyOf(names);
        labels = List.copyOf(labels);
        codes = List.copyOf(codes);
        ranges = List.copyOf(ranges);
        if (ranges.size() != names.size()) {
            throw new IllegalArgumentException(ranges.size() + " range lists for " + names.size() + " features");
        }
    }

    /** Codes without ranges. */
    public FeatureCodes(List<String> names, List<List<String>> labels, List<int[]> codes, int rows) {
        this(names, labels, codes, rows, names.stream().map(n -> List.<Range>of()).toList());
    }

    /** Codes {@code table}'s feature columns (text columns are left out); numbers get at most {@code bins} quantile bins. */
    public static FeatureCodes of(Table table, int bins) {
        return of(table.features(), table.rowCount(), bins);
    }

    public static FeatureCodes of(List<Column> columns, int rows, int bins) {
        List<String> names = new ArrayList<>();
        List<List<String>> labels = new ArrayList<>();
        List<int[]> codes = new ArrayList<>();
        List<List<Range>> ranges = new ArrayList<>();
        for (Column c : columns) {
            if (c instanceof CategoricalColumn cat) {
                List<String> l = new ArrayList<>();
                for (String level : cat.levels()) {
                    l.add(c.name() + " = " + level);
                }
                int missing = l.size();
                int[] out = new int[rows];
                boolean anyMissing = false;
                for (int i = 0; i < rows; i++) {
                    int code = cat.code(i);
                    if (code < 0) {
                        anyMissing = true;
                        out[i] = missing;
                    } else {
                        out[i] = code;
                    }
                }
                if (anyMissing) {
                    l.add(c.name() + " is missing");
                }
                names.add(c.name());
                labels.add(l);
                codes.add(out);
                ranges.add(List.of());
            } else if (c instanceof NumericColumn num) {
                double[] cuts = cuts(num.values(), bins);
                names.add(c.name());
                labels.add(binLabels(c.name(), cuts, num.values(), bins));
                codes.add(binCodes(num.values(), cuts));
                ranges.add(rangeLabels(c.name(), cuts, num.values()));
            }
        }
        return new FeatureCodes(names, labels, codes, rows, ranges);
    }

    public int features() {
        return names.size();
    }

    public int levels(int feature) {
        return labels.get(feature).size();
    }

    /** The codes and ranges of a feature: the predicates {@code feature = level} can name. */
    public int predicates(int feature) {
        return levels(feature) + ranges.get(feature).size();
    }

    /** The label of predicate {@code level} of {@code feature}: a code's label or a range's. */
    public String label(int feature, int level) {
        int codesCount = levels(feature);
        return level < codesCount ? labels.get(feature).get(level) : ranges.get(feature).get(level - codesCount).label();
    }

    /** For each code of {@code feature}, whether a row with that code satisfies predicate {@code level}: one lookup per row. */
    public boolean[] matching(int feature, int level) {
        boolean[] out = new boolean[levels(feature) + 1];
        for (int code = 0; code < out.length; code++) {
            out[code] = matches(feature, level, code);
        }
        return out;
    }

    /** Whether a row with code {@code code} of {@code feature} satisfies predicate {@code level}. */
    public boolean matches(int feature, int level, int code) {
        int codesCount = levels(feature);
        if (level < codesCount) {
            return code == level;
        }
        return ranges.get(feature).get(level - codesCount).matches(code);
    }

    /**
     * Cut points: the distinct values when there are at most {@code bins} of them (each value its
     * own bin), else the distinct interior quantiles {@code 1/bins … (bins-1)/bins}.
     */
    static double[] cuts(double[] values, int bins) {
        double[] sorted = sortedPresent(values);
        if (sorted.length == 0) {
            return new double[0];
        }
        double[] distinct = distinct(sorted);
        if (distinct.length <= bins) {
            // Bin i holds values in [distinct[i], distinct[i+1]): cut at every distinct value after the first.
            return Arrays.copyOfRange(distinct, 1, distinct.length);
        }
        double[] out = new double[bins - 1];
        for (int b = 1; b < bins; b++) {
            out[b - 1] = sorted[(int) Math.min(sorted.length - 1, Math.floor((double) b * sorted.length / bins))];
        }
        double[] unique = distinct(out);
        int from = 0;
        while (from < unique.length && unique[from] <= sorted[0]) {
            from++;
        }
        if (from == unique.length) {
            // Most rows share the smallest value: split it from the rest.
            return new double[]{distinct[1]};
        }
        return Arrays.copyOfRange(unique, from, unique.length);
    }

    /** The non-missing values, sorted (primitive sort, no boxing). */
    static double[] sortedPresent(double[] values) {
        double[] out = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[n++] = v;
            }
        }
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    /** The distinct values of a sorted array. */
    static double[] distinct(double[] sorted) {
        if (sorted.length == 0) {
            return sorted;
        }
        double[] out = new double[sorted.length];
        int n = 0;
        out[n++] = sorted[0];
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != out[n - 1]) {
                out[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] binCodes(double[] values, double[] cuts) {
        int[] out = new int[values.length];
        int missing = cuts.length + 1;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                out[i] = missing;
            } else {
                int pos = Arrays.binarySearch(cuts, v);
                out[i] = pos >= 0 ? pos + 1 : -pos - 1;
            }
        }
        return out;
    }

    /**
     * The tails of B = cuts + 1 ordered bins that hold 2 … B/2 bins: {@code name < cut} below bin
     * 2 … ⌊B/2⌋, then {@code name ≥ cut} from bin ⌈B/2⌉ … B−2.
     */
    private static List<Range> rangeLabels(String name, double[] cuts, double[] values) {
        int bins = cuts.length + 1;
        if (bins < 4) {
            return List.of();
        }
        int decimals = NumberLabels.decimals(values);
        List<Range> out = new ArrayList<>();
        for (int t = 2; t <= bins / 2; t++) {
            out.add(new Range(name + " < " + NumberLabels.format(cuts[t - 1], decimals), t, true, bins));
        }
        for (int t = (bins + 1) / 2; t <= bins - 2; t++) {
            out.add(new Range(name + " ≥ " + NumberLabels.format(cuts[t - 1], decimals), t, false, bins));
        }
        return out;
    }

    private static List<String> binLabels(String name, double[] cuts, double[] values, int bins) {
        List<String> out = new ArrayList<>();
        boolean anyMissing = false;
        for (double v : values) {
            if (Double.isNaN(v)) {
                anyMissing = true;
                break;
            }
        }
        double[] distinct = distinctFew(values, bins);
        boolean exact = distinct != null && distinct.length == cuts.length + 1;
        if (distinct != null && distinct.length == 0) {
            out.add(name + " has no value");
        }
        if (distinct != null && distinct.length == 0) {
            out.add(name + " is missing");
            return out;
        }
        int decimals = NumberLabels.decimals(values);
        for (int b = 0; b <= cuts.length; b++) {
            if (exact) {
                out.add(name + " = " + NumberLabels.format(distinct[b], decimals));
            } else if (b == 0) {
                out.add(name + " < " + NumberLabels.format(cuts[0], decimals));
            } else if (b == cuts.length) {
                out.add(name + " ≥ " + NumberLabels.format(cuts[b - 1], decimals));
            } else {
                out.add(NumberLabels.format(cuts[b - 1], decimals) + " ≤ " + name + " < " + NumberLabels.format(cuts[b], decimals));
            }
        }
        if (anyMissing) {
            out.add(name + " is missing");
        }
        return out;
    }

    /** The sorted distinct non-missing values when there are at most {@code max}, else {@code null}. */
    private static double[] distinctFew(double[] values, int max) {
        double[] seen = new double[max + 1];
        int n = 0;
        outer:
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (seen[i] == v) {
                    continue outer;
                }
            }
            if (n == max) {
                return null;
            }
            seen[n++] = v;
        }
        double[] out = Arrays.copyOf(seen, n);
        Arrays.sort(out);
        return out;
    }
}
