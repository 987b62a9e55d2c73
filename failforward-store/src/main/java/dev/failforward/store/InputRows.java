package dev.failforward.store;

import dev.failforward.failure.Failure;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The {@code failure_inputs} table: each failure's input values, one row per column, typed, and
 * keyed by the failure's number. Numbers go to {@code num_value}; strings and booleans
 * ({@code true}/{@code false}) to {@code text_value}; a missing value leaves both NULL. NaN is
 * stored as NULL (SQLite cannot hold it). Most of a run's rows are these, so they are written in
 * bulk: many rows per statement on SQLite, {@code COPY} on PostgreSQL.
 */
final class InputRows {

    private static final String COLUMNS = "failure, name, num_value, text_value";
    /** Bytes of COPY text sent at a time. */
    private static final int COPY_CHUNK = 1 << 16;

    private InputRows() {
    }

    /** The failures are numbered {@code first}, {@code first + 1}, … in list order; the caller holds the transaction. */
    static void insert(Connection c, boolean postgres, List<Failure> failures, long first) throws SQLException {
        if (postgres) {
            copy(c, failures, first);
            return;
        }
        try (MultiRowInsert rows = new MultiRowInsert(c, "failure_inputs", COLUMNS, 4)) {
            long num = first;
            for (Failure f : failures) {
                for (Map.Entry<String, Object> e : f.input().entrySet()) {
                    rows.integer(num).text(e.getKey());
                    Object v = e.getValue();
                    if (v instanceof Number n) {
                        rows.real(n.doubleValue()).text(null);
                    } else {
                        rows.real(null).text(v == null ? null : String.valueOf(v));
                    }
                    rows.endRow();
                }
                num++;
            }
            rows.finish();
        }
    }

    /** PostgreSQL's bulk load, in its text format: tab between fields, {@code \N} for NULL. */
    private static void copy(Connection c, List<Failure> failures, long first) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY failure_inputs (" + COLUMNS + ") FROM STDIN");
        try {
            StringBuilder sb = new StringBuilder(COPY_CHUNK + 1024);
            long num = first;
            for (Failure f : failures) {
                for (Map.Entry<String, Object> e : f.input().entrySet()) {
                    sb.append(num).append('\t');
                    escape(sb, e.getKey()).append('\t');
                    Object v = e.getValue();
                    if (v instanceof Number n && !Double.isNaN(n.doubleValue())) {
                        sb.append(n.doubleValue()).append("\t\\N\n");
                    } else if (v == null || v instanceof Number) {
                        sb.append("\\N\t\\N\n");
                    } else {
                        escape(sb.append("\\N\t"), String.valueOf(v)).append('\n');
                    }
                }
                num++;
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
