package dev.failforward.store;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each failure's input values, typed, in the wide table of its column set ({@link InputSet}): one
 * row per failure keyed by its number. Numbers go to the column's number, strings and booleans
 * ({@code true}/{@code false}) to its text; a missing value (or NaN, which SQLite cannot hold)
 * leaves both NULL. Written in bulk: many rows per statement on SQLite, {@code COPY} on PostgreSQL.
 */
final class InputRows {

    /** Bytes of COPY text sent at a time. */
    private static final int COPY_CHUNK = 1 << 16;

    private InputRows() {
    }

    /**
     * Stores {@code inputs.get(i)} as the inputs of failure number {@code nums[i]}, creating column
     * sets as needed; the caller holds the transaction.
     */
    static void insert(Connection c, Dialect dialect, long[] nums, List<Map<String, Object>> inputs) throws SQLException {
        if (inputs.isEmpty()) {
            return;
        }
        List<InputSet> known = InputSet.all(c);
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        List<String> last = null;
        List<Integer> lastGroup = null;
        for (int i = 0; i < inputs.size(); i++) {
            Map<String, Object> input = inputs.get(i);
            if (last == null || !sameColumns(last, input)) {
                last = List.copyOf(input.keySet());
                lastGroup = groups.computeIfAbsent(last, k -> new ArrayList<>());
            }
            lastGroup.add(i);
        }
        for (Map.Entry<List<String>, List<Integer>> g : groups.entrySet()) {
            InputSet set = InputSet.of(c, dialect, g.getKey(), known);
            if (dialect.copiesInputs()) {
                copy(c, set, nums, inputs, g.getValue());
            } else {
                insert(c, set, nums, inputs, g.getValue());
            }
        }
    }

    /** Whether the map's keys are {@code columns}, in that order. */
    private static boolean sameColumns(List<String> columns, Map<String, Object> input) {
        if (input.size() != columns.size()) {
            return false;
        }
        Iterator<String> keys = input.keySet().iterator();
        for (String column : columns) {
            if (!column.equals(keys.next())) {
                return false;
            }
        }
        return true;
    }

    private static void insert(Connection c, InputSet set, long[] nums, List<Map<String, Object>> inputs, List<Integer> rows)
            throws SQLException {
        int width = 1 + 2 * set.columns().size();
        try (MultiRowInsert out = new MultiRowInsert(c, set.table(), "failure" + (width > 1 ? ", " : "") + set.valueColumns(), width, rows.size())) {
            for (int i : rows) {
                out.integer(nums[i]);
                for (Object v : inputs.get(i).values()) {
                    if (v instanceof Number n) {
                        out.real(n.doubleValue()).text(null);
                    } else {
                        out.real(null).text(v == null ? null : String.valueOf(v));
                    }
                }
                out.endRow();
            }
            out.finish();
        }
    }

    /** PostgreSQL's bulk load, in its text format: tab between fields, {@code \N} for NULL. */
    private static void copy(Connection c, InputSet set, long[] nums, List<Map<String, Object>> inputs, List<Integer> rows)
            throws SQLException {
        String columns = "failure" + (set.columns().isEmpty() ? "" : ", " + set.valueColumns());
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + set.table() + " (" + columns + ") FROM STDIN");
        try {
            StringBuilder sb = new StringBuilder(COPY_CHUNK + 1024);
            for (int i : rows) {
                sb.append(nums[i]);
                for (Object v : inputs.get(i).values()) {
                    if (v instanceof Number n && !Double.isNaN(n.doubleValue())) {
                        sb.append('\t').append(n.doubleValue()).append("\t\\N");
                    } else if (v == null || v instanceof Number) {
                        sb.append("\t\\N\t\\N");
                    } else {
                        escape(sb.append("\t\\N\t"), String.valueOf(v));
                    }
                }
                sb.append('\n');
                if (sb.length() >= COPY_CHUNK) {
                    send(in, sb);
                }
            }
            send(in, sb);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void send(CopyIn in, StringBuilder sb) throws SQLException {
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        sb.setLength(0);
    }

    /** COPY text escapes: backslash, and the characters that end a field or a row. */
    private static StringBuilder escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb;
    }
}
