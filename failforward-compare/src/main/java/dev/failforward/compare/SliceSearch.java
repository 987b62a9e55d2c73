package dev.failforward.compare;

import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds where the candidate is worse: every slice of one or two predicates ({@code column = value};
 * numeric columns with many values cut at their quartiles) with at least {@code minSize} rows, and
 * every value of each declared group column. Each slice gets the one-sided exact McNemar test that
 * the candidate is wrong more often there. All slices examined form one family for the
 * Benjamini–Hochberg correction, so a large search does not turn noise into findings.
 */
public final class SliceSearch {

    /** Numeric columns with at most this many distinct values are treated as categories. */
    static final int MAX_LEVELS_AS_CATEGORIES = 10;
    static final int NUMERIC_BINS = 4;

    private SliceSearch() {
    }

    private record Predicate(String column, String description, BitSet rows) {
    }

    /**
     * @param columns the columns to slice on (features; not the target or ids)
     * @param baselineFailed whether the baseline failed on each row
     * @param candidateFailed whether the candidate failed on each row
     * @return every slice examined, most significant first
     */
    public static List<SliceDelta> search(Table rows, List<String> columns, List<String> groups, boolean[] baselineFailed,
                                          boolean[] candidateFailed, double[] lossDifference, int minSize) {
        Rows r = new Rows(baselineFailed, candidateFailed, lossDifference);
        List<Predicate> predicates = new ArrayList<>();
        for (String name : columns) {
            predicates.addAll(predicates(rows.column(name)));
        }
        Map<String, SliceDelta> found = new LinkedHashMap<>();
        for (String g : groups) {
            for (Predicate p : categories(rows.column(g))) {
                found.put(p.description(), delta(p.description(), List.of(g), "group", p.rows(), r));
            }
        }
        for (int i = 0; i < predicates.size(); i++) {
            Predicate a = predicates.get(i);
            if (a.rows().cardinality() < minSize) {
                continue;
            }
            found.putIfAbsent(a.description(), delta(a.description(), List.of(a.column()), "search", a.rows(), r));
            for (int j = i + 1; j < predicates.size(); j++) {
                Predicate b = predicates.get(j);
                if (b.column().equals(a.column()) || b.rows().cardinality() < minSize) {
                    continue;
                }
                BitSet both = (BitSet) a.rows().clone();
                both.and(b.rows());
                if (both.cardinality() >= minSize) {
                    String d = a.description() + " AND " + b.description();
                    found.put(d, delta(d, List.of(a.column(), b.column()), "search", both, r));
                }
            }
        }
        List<SliceDelta> all = new ArrayList<>(found.values());
        double[] q = BenjaminiHochberg.adjust(all.stream().mapToDouble(SliceDelta::pValue).toArray());
        for (int i = 0; i < all.size(); i++) {
            all.set(i, all.get(i).withQ(q[i]));
        }
        all.sort(Comparator.comparingDouble(SliceDelta::qValue).thenComparingDouble(SliceDelta::pValue)
                .thenComparingDouble(SliceDelta::delta)
                .thenComparing(SliceDelta::description));
        return all;
    }

    /** Per-row facts the slices are measured on. */
    private record Rows(boolean[] baselineFailed, boolean[] candidateFailed, double[] lossDifference) {
    }

    private static SliceDelta delta(String description, List<String> columns, String kind, BitSet rows, Rows r) {
        boolean[] baselineFailed = r.baselineFailed();
        boolean[] candidateFailed = r.candidateFailed();
        double sum = 0;
        long baseOk = 0;
        long candOk = 0;
        long worse = 0;
        long better = 0;
        for (int i = rows.nextSetBit(0); i >= 0; i = rows.nextSetBit(i + 1)) {
            baseOk += baselineFailed[i] ? 0 : 1;
            candOk += candidateFailed[i] ? 0 : 1;
            worse += !baselineFailed[i] && candidateFailed[i] ? 1 : 0;
            better += baselineFailed[i] && !candidateFailed[i] ? 1 : 0;
            sum += r.lossDifference()[i];
        }
        int n = rows.cardinality();
        return new SliceDelta(description, columns, kind, n, n == 0 ? 0 : (double) baseOk / n,
                n == 0 ? 0 : (double) candOk / n, worse, better, n == 0 ? 0 : sum / n,
                McNemar.pWorse(worse, better), Double.NaN);
    }

    private static List<Predicate> predicates(Column column) {
        if (column instanceof TextColumn) {
            return List.of();
        }
        if (column instanceof NumericColumn numeric && distinct(numeric).size() > MAX_LEVELS_AS_CATEGORIES) {
            return bins(numeric);
        }
        return categories(column);
    }

    /** One predicate per value, and one for missing values if there are any. */
    static List<Predicate> categories(Column column) {
        Map<String, BitSet> byValue = new java.util.TreeMap<>();
        for (int i = 0; i < column.size(); i++) {
            String v = column.isMissing(i) ? null : column.text(i);
            byValue.computeIfAbsent(v == null ? "\u0000missing" : v, k -> new BitSet()).set(i);
        }
        List<Predicate> out = new ArrayList<>();
        byValue.forEach((v, rows) -> out.add(new Predicate(column.name(),
                v.equals("\u0000missing") ? column.name() + " is missing" : column.name() + " = " + v, rows)));
        return out;
    }

    /** Quartile bins of a numeric column, and missing values apart. */
    private static List<Predicate> bins(NumericColumn column) {
        double[] present = Arrays.stream(column.values()).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (present.length == 0) {
            return categories(column);
        }
        TreeSet<Double> cuts = new TreeSet<>();
        for (int b = 1; b < NUMERIC_BINS; b++) {
            cuts.add(PairedBootstrap.quantile(present, (double) b / NUMERIC_BINS));
        }
        cuts.remove(present[0]);
        List<Double> edges = new ArrayList<>(cuts);
        List<Predicate> out = new ArrayList<>();
        // With no cut (most values equal the minimum), one bin would hold every present row: no slice.
        for (int b = 0; b <= edges.size() && !edges.isEmpty(); b++) {
            Double lo = b == 0 ? null : edges.get(b - 1);
            Double hi = b == edges.size() ? null : edges.get(b);
            BitSet rows = new BitSet();
            for (int i = 0; i < column.size(); i++) {
                double v = column.get(i);
                if (!Double.isNaN(v) && (lo == null || v >= lo) && (hi == null || v < hi)) {
                    rows.set(i);
                }
            }
            String name = column.name();
            String d = lo == null ? name + " < " + NumericColumn.format(hi)
                    : hi == null ? name + " ≥ " + NumericColumn.format(lo)
                    : NumericColumn.format(lo) + " ≤ " + name + " < " + NumericColumn.format(hi);
            out.add(new Predicate(name, d, rows));
        }
        BitSet missing = new BitSet();
        for (int i = 0; i < column.size(); i++) {
            if (Double.isNaN(column.get(i))) {
                missing.set(i);
            }
        }
        if (!missing.isEmpty()) {
            out.add(new Predicate(column.name(), column.name() + " is missing", missing));
        }
        return out;
    }

    private static TreeSet<Double> distinct(NumericColumn c) {
        TreeSet<Double> out = new TreeSet<>();
        for (double v : c.values()) {
            if (!Double.isNaN(v)) {
                out.add(v);
                if (out.size() > MAX_LEVELS_AS_CATEGORIES) {
                    break;
                }
            }
        }
        return out;
    }
}
