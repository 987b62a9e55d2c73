package dev.failforward.store;

import dev.failforward.failure.StatRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code log stats --by} a numeric input column, with scans and no sort: a {@code GROUP BY} over
 * an unindexed column sorts every value (seconds on a million failures), while the range, the
 * first few distinct values and the counts below each bin edge are plain aggregates of one pass.
 * The groups are those of {@link StatQueries#bins}: each distinct number when there are at most
 * {@value StatQueries#BINS}, else equal-width bins over the range; missing values last.
 */
final class NumberBins {

    /** The column at position {@code position} of a set's table. */
    record Part(InputSet set, int position) {
    }

    private final Connection c;
    private final String runId;

    private NumberBins(Connection c, String runId) {
        this.c = c;
        this.runId = runId;
    }

    static List<StatRow> of(Connection c, String runId, List<Part> parts) throws SQLException {
        return new NumberBins(c, runId).rows(parts);
    }

    private List<StatRow> rows(List<Part> parts) throws SQLException {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        long present = 0;
        long missing = 0;
        for (Part p : parts) {
            try (PreparedStatement s = prepare("SELECT MIN(" + n(p) + "), MAX(" + n(p) + "), COUNT(" + n(p) + "), COUNT(*)", p, "")) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    long numbers = r.getLong(3);
                    if (numbers > 0) {
                        lo = Math.min(lo, r.getDouble(1));
                        hi = Math.max(hi, r.getDouble(2));
                    }
                    present += numbers;
                    missing += r.getLong(4) - numbers;
                }
            }
        }
        List<StatRow> out = new ArrayList<>();
        if (present > 0) {
            TreeSet<Double> distinct = distinct(parts);
            if (distinct.size() <= StatQueries.BINS) {
                out.addAll(perValue(parts, distinct));
            } else if (!Double.isFinite(hi - lo)) {
                out.addAll(StatQueries.bins(grouped(parts)));
            } else {
                out.addAll(binned(parts, lo, hi, present));
            }
        }
        if (missing > 0) {
            out.add(new StatRow("(missing)", missing, null));
        }
        return out;
    }

    /** Up to one more than {@value StatQueries#BINS} distinct numbers: enough to know whether to bin. */
    private TreeSet<Double> distinct(List<Part> parts) throws SQLException {
        TreeSet<Double> out = new TreeSet<>();
        for (Part p : parts) {
            try (PreparedStatement s = prepare("SELECT DISTINCT " + n(p), p, " AND " + n(p) + " IS NOT NULL LIMIT " + (StatQueries.BINS + 1))) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getDouble(1));
                    }
                }
            }
            if (out.size() > StatQueries.BINS) {
                break;
            }
        }
        return out;
    }

    private List<StatRow> perValue(List<Part> parts, TreeSet<Double> values) throws SQLException {
        List<Double> list = new ArrayList<>(values);
        long[] counts = new long[list.size()];
        for (Part p : parts) {
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int v = 0; v < list.size(); v++) {
                sql.append(v == 0 ? "" : ", ").append("SUM(CASE WHEN ").append(n(p)).append(" = ? THEN 1 ELSE 0 END)");
            }
            add(counts, p, sql, list.toArray());
        }
        List<StatRow> out = new ArrayList<>();
        for (int v = 0; v < list.size(); v++) {
            if (counts[v] > 0) {
                out.add(new StatRow(StatQueries.number(list.get(v)), counts[v], null));
            }
        }
        return out;
    }

    /**
     * Counts per bin from counts below each inner edge: a number is in bin {@code b} when
     * {@code (v - lo) / width} truncates to {@code b} (the last bin also takes the maximum), so
     * the count below edge {@code b} is that of {@code (v - lo) / width < b}, computed with the
     * same double arithmetic as {@link StatQueries#bins}.
     */
    private List<StatRow> binned(List<Part> parts, double lo, double hi, long present) throws SQLException {
        int bins = StatQueries.BINS;
        double width = (hi - lo) / bins;
        long[] below = new long[bins + 1];
        for (Part p : parts) {
            StringBuilder sql = new StringBuilder("SELECT ");
            Object[] binds = new Object[3 * (bins - 1)];
            for (int b = 1; b < bins; b++) {
                sql.append(b == 1 ? "" : ", ").append("SUM(CASE WHEN (").append(n(p)).append(" - ?) / ? < ? THEN 1 ELSE 0 END)");
                binds[3 * (b - 1)] = lo;
                binds[3 * (b - 1) + 1] = width;
                binds[3 * (b - 1) + 2] = (double) b;
            }
            long[] partial = new long[bins - 1];
            add(partial, p, sql, binds);
            for (int b = 1; b < bins; b++) {
                below[b] += partial[b - 1];
            }
        }
        below[bins] = present;
        List<StatRow> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            long count = below[b + 1] - below[b];
            if (count > 0) {
                double from = lo + b * width;
                boolean last = b == bins - 1;
                out.add(new StatRow("[" + StatQueries.number(from) + ", " + StatQueries.number(last ? hi : from + width)
                        + (last ? "]" : ")"), count, null));
            }
        }
        return out;
    }

    /** Every distinct number with its count, for a range too wide to divide (infinite values). */
    private TreeMap<Double, Long> grouped(List<Part> parts) throws SQLException {
        TreeMap<Double, Long> out = new TreeMap<>();
        for (Part p : parts) {
            try (PreparedStatement s = prepare("SELECT " + n(p) + ", COUNT(*)", p, " AND " + n(p) + " IS NOT NULL GROUP BY " + n(p))) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.merge(r.getDouble(1), r.getLong(2), Long::sum);
                    }
                }
            }
        }
        return out;
    }

    /** Runs one row of sums over the part's numbers (the values bound first) and adds them to {@code into}. */
    private void add(long[] into, Part p, StringBuilder select, Object[] values) throws SQLException {
        String sql = select + " FROM " + p.set().table() + " i WHERE i." + InputSet.text(p.position()) + " IS NULL AND "
                + n(p) + " IS NOT NULL" + (runId == null ? "" : " AND i.failure IN (SELECT num FROM failures WHERE run_id = ?)");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (Object v : values) {
                s.setDouble(i++, (Double) v);
            }
            if (runId != null) {
                s.setString(i, runId);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                for (int k = 0; k < into.length; k++) {
                    into[k] += r.getLong(k + 1);
                }
            }
        }
    }

    /** {@code head FROM table i WHERE <the value is not text> [AND of the run] tail}, prepared with the run bound. */
    private PreparedStatement prepare(String head, Part p, String tail) throws SQLException {
        PreparedStatement s = c.prepareStatement(head + " FROM " + p.set().table() + " i WHERE i." + InputSet.text(p.position())
                + " IS NULL" + (runId == null ? "" : " AND i.failure IN (SELECT num FROM failures WHERE run_id = ?)") + tail);
        if (runId != null) {
            s.setString(1, runId);
        }
        return s;
    }

    private static String n(Part p) {
        return "i." + InputSet.number(p.position());
    }
}
