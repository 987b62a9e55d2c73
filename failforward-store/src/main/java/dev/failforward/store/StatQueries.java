package dev.failforward.store;

import dev.failforward.failure.StatDimension;
import dev.failforward.failure.StatRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts for {@code log stats}, grouped in the database where it can (an input column's values
 * come from the column sets' tables, see {@link InputSet}), numbers binned here.
 */
final class StatQueries {

    /** Equal-width bins for a numeric column. */
    static final int BINS = 10;
    private static final String OF_RUN = " AND i.failure IN (SELECT num FROM failures WHERE run_id = ?)";

    private StatQueries() {
    }

    static List<StatRow> stats(Connection c, String runId, StatDimension by, String column) throws SQLException {
        return switch (by) {
            case FEATURE -> feature(c, runId, column);
            case CAUSE -> cause(c, runId);
            case ORIGIN -> grouped(c, "SELECT origin, COUNT(*) FROM failures" + (runId == null ? "" : " WHERE run_id = ?")
                    + " GROUP BY origin ORDER BY COUNT(*) DESC, origin", runId);
            case RUN -> runs(c, runId);
        };
    }

    /**
     * Text values counted in the database, numbers binned with aggregates (see {@link NumberBins}),
     * over every column set that has the column (a log may hold data sets with different columns).
     */
    private static List<StatRow> feature(Connection c, String runId, String column) throws SQLException {
        Map<String, Long> texts = new HashMap<>();
        List<NumberBins.Part> parts = new ArrayList<>();
        for (InputSet set : InputSet.all(c)) {
            int k = set.columns().indexOf(column);
            if (k < 0) {
                continue;
            }
            parts.add(new NumberBins.Part(set, k));
            String t = "i." + InputSet.text(k);
            for (StatRow row : grouped(c, "SELECT " + t + ", COUNT(*) FROM " + set.table() + " i WHERE " + t + " IS NOT NULL"
                    + (runId == null ? "" : OF_RUN) + " GROUP BY " + t, runId)) {
                texts.merge(row.group(), row.failures(), Long::sum);
            }
        }
        List<StatRow> out = new ArrayList<>();
        texts.forEach((value, count) -> out.add(new StatRow(value, count, null)));
        out.sort(Comparator.comparingLong(StatRow::failures).reversed().thenComparing(StatRow::group));
        out.addAll(NumberBins.of(c, runId, parts));
        return out;
    }

    /** Distinct numbers with their counts into at most {@value #BINS} equal-width bins, low to high. */
    static List<StatRow> bins(TreeMap<Double, Long> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        double lo = numbers.firstKey();
        double hi = numbers.lastKey();
        if (numbers.size() <= BINS || !Double.isFinite(hi - lo)) {
            List<StatRow> out = new ArrayList<>();
            numbers.forEach((v, n) -> out.add(new StatRow(number(v), n, null)));
            return out;
        }
        double width = (hi - lo) / BINS;
        long[] counts = new long[BINS];
        numbers.forEach((v, n) -> counts[Math.min(BINS - 1, (int) ((v - lo) / width))] += n);
        List<StatRow> out = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            if (counts[b] > 0) {
                double from = lo + b * width;
                String label = "[" + number(from) + ", " + number(b == BINS - 1 ? hi : from + width) + (b == BINS - 1 ? "]" : ")");
                out.add(new StatRow(label, counts[b], null));
            }
        }
        return out;
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    private static List<StatRow> cause(Connection c, String runId) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT cause_tags, COUNT(*) FROM failures"
                + (runId == null ? "" : " WHERE run_id = ?") + " GROUP BY cause_tags")) {
            if (runId != null) {
                s.setString(1, runId);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<String> tags = Json.strings(r.getString(1));
                    long n = r.getLong(2);
                    if (tags.isEmpty()) {
                        counts.merge("(none)", n, Long::sum);
                    }
                    tags.forEach(t -> counts.merge(t, n, Long::sum));
                }
            }
        }
        List<StatRow> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new StatRow(k, v, null)));
        out.sort(Comparator.comparingLong(StatRow::failures).reversed().thenComparing(StatRow::group));
        return out;
    }

    private static List<StatRow> runs(Connection c, String runId) throws SQLException {
        List<StatRow> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, failure_count, prediction_count FROM runs"
                + (runId == null ? "" : " WHERE id = ?") + " ORDER BY id")) {
            if (runId != null) {
                s.setString(1, runId);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new StatRow(r.getString(1), r.getLong(2), r.getLong(3)));
                }
            }
        }
        return out;
    }

    private static List<StatRow> grouped(Connection c, String sql, String... values) throws SQLException {
        List<StatRow> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (String v : values) {
                if (v != null) {
                    s.setString(i++, v);
                }
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new StatRow(r.getString(1), r.getLong(2), null));
                }
            }
        }
        return out;
    }
}
