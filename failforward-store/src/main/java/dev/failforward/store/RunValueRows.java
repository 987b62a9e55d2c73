package dev.failforward.store;

import dev.failforward.failure.RunValues;
import dev.failforward.failure.ValueCount;
import dev.failforward.failure.ValueRates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code run_values} table: per run, input column and value (or numeric bin), the evaluated
 * rows and the failures among them. Rates are read from here alone (a few rows per column and
 * run), so {@code log stats} costs the same whatever the number of failures, and the failures and
 * rows of a bin are always counted over the same bin edges.
 */
final class RunValueRows {

    private RunValueRows() {
    }

    /** The caller holds the run's transaction. */
    static void insert(Connection c, String runId, RunValues values) throws SQLException {
        if (values == null || values.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO run_values (run_id, name, value_text, low, high, "
                + "row_count, failure_count) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (ValueCount v : values.counts()) {
                s.setString(1, runId);
                s.setString(2, v.column());
                s.setString(3, v.value());
                SqlValues.setOptional(s, 4, v.low());
                SqlValues.setOptional(s, 5, v.high());
                s.setLong(6, v.rows());
                s.setLong(7, v.failures());
                s.addBatch();
                if (++pending % JdbcFailureLog.BATCH_SIZE == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    static void delete(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM run_values WHERE run_id = ?")) {
            s.setString(1, runId);
            s.executeUpdate();
        }
    }

    /** Same group: equal value, or equal bin edges. */
    private record Key(String value, Double low, Double high) {
    }

    static ValueRates rates(Connection c, String runId, String column) throws SQLException {
        Map<Key, ValueCount> pooled = new LinkedHashMap<>();
        Map<String, List<ValueCount>> binsByRun = new LinkedHashMap<>();
        Set<String> rated = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT v.run_id, v.value_text, v.low, v.high, v.row_count, v.failure_count "
                + "FROM run_values v JOIN runs r ON r.id = v.run_id WHERE v.name = ? AND r.status = 'complete'"
                + (runId == null ? "" : " AND v.run_id = ?") + " ORDER BY v.run_id")) {
            s.setString(1, column);
            if (runId != null) {
                s.setString(2, runId);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rated.add(r.getString(1));
                    ValueCount v = new ValueCount(column, r.getString(2), SqlValues.getOptional(r, 3),
                            SqlValues.getOptional(r, 4), r.getLong(5), r.getLong(6));
                    if (v.isBin()) {
                        binsByRun.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(v);
                    } else {
                        pooled.merge(new Key(v.value(), v.low(), v.high()), v, ValueCount::plus);
                    }
                }
            }
        }
        List<String> unrecorded = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM runs WHERE status = 'complete'"
                + (runId == null ? "" : " AND id = ?") + " ORDER BY id")) {
            if (runId != null) {
                s.setString(1, runId);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (!rated.contains(r.getString(1))) {
                        unrecorded.add(r.getString(1));
                    }
                }
            }
        }
        List<ValueCount> groups = new ArrayList<>(pooled.values());
        groups.addAll(pool(column, binsByRun.values()));
        groups.sort(ORDER);
        return new ValueRates(column, groups, List.copyOf(rated), unrecorded);
    }

    /**
     * The numeric bins of several runs pooled. Runs with the same edges (the same rows, or similar
     * rows: edges are rounded) pool bin by bin. Otherwise the pooled edges are the inner edges that
     * every run has: each run's bins nest in the pooled bins exactly, so no count is split or guessed.
     */
    static List<ValueCount> pool(String column, java.util.Collection<List<ValueCount>> runs) {
        Map<Key, ValueCount> same = new LinkedHashMap<>();
        Set<Set<Key>> shapes = new java.util.HashSet<>();
        for (List<ValueCount> bins : runs) {
            Set<Key> shape = new java.util.HashSet<>();
            for (ValueCount v : bins) {
                shape.add(new Key(null, v.low(), v.high()));
                same.merge(new Key(null, v.low(), v.high()), v, ValueCount::plus);
            }
            shapes.add(shape);
        }
        if (shapes.size() <= 1) {
            return new ArrayList<>(same.values());
        }
        java.util.TreeSet<Double> common = null;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (List<ValueCount> bins : runs) {
            java.util.TreeSet<Double> inner = new java.util.TreeSet<>();
            bins.forEach(v -> inner.add(v.low()));
            low = Math.min(low, inner.first());
            high = Math.max(high, bins.stream().mapToDouble(ValueCount::high).max().orElseThrow());
            inner.remove(inner.first());
            if (common == null) {
                common = inner;
            } else {
                common.retainAll(inner);
            }
        }
        List<Double> edges = new ArrayList<>(common);
        long[] rows = new long[edges.size() + 1];
        long[] failures = new long[rows.length];
        for (List<ValueCount> bins : runs) {
            for (ValueCount v : bins) {
                int at = java.util.Collections.binarySearch(edges, v.low());
                int bin = at >= 0 ? at + 1 : -at - 1;
                rows[bin] += v.rows();
                failures[bin] += v.failures();
            }
        }
        List<ValueCount> out = new ArrayList<>();
        for (int b = 0; b < rows.length; b++) {
            out.add(new ValueCount(column, null, b == 0 ? low : edges.get(b - 1), b == edges.size() ? high : edges.get(b),
                    rows[b], failures[b]));
        }
        return out;
    }

    /** Categories by falling rate (then value), then bins from low to high, missing last. */
    private static final Comparator<ValueCount> ORDER = Comparator
            .comparingInt((ValueCount v) -> v.isMissing() ? 2 : v.isBin() ? 1 : 0)
            .thenComparing((ValueCount v) -> v.isBin() || v.rate() == null ? 0 : -v.rate())
            .thenComparing(v -> v.isBin() ? v.low() : 0.0)
            .thenComparing(v -> v.isBin() ? v.high() : 0.0)
            .thenComparing(v -> Objects.requireNonNullElse(v.value(), ""));
}
