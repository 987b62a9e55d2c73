package db.migration.failforward;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Schema version 24: every failure gets an integer number ({@code failures.num}, unique), and the
 * typed input values refer to it ({@code failure_inputs.failure}) instead of repeating the
 * failure's text id in every value row and index entry. That halves the bytes written per input
 * value, which is most of what appending a run costs, and makes the id sets that filters build
 * sets of integers. On SQLite {@code num} is the table's rowid ({@code INTEGER PRIMARY KEY}), so
 * the table is rebuilt (SQLite cannot change a primary key in place), keeping any column that a
 * later change added; on PostgreSQL it is a {@code BIGINT} column with a unique index. In Java
 * because the two databases need different statements.
 */
public class V24__failure_numbers extends BaseJavaMigration {

    /** The columns of {@code failures} at version 21, in order; others found are carried over after them. */
    private static final List<String> KNOWN = List.of("id TEXT NOT NULL UNIQUE", "run_id TEXT NOT NULL REFERENCES runs (id)",
            "seq INTEGER NOT NULL", "row_key TEXT", "origin TEXT NOT NULL", "input TEXT NOT NULL", "expected TEXT",
            "predicted TEXT", "probabilities TEXT NOT NULL", "prediction DOUBLE PRECISION", "confidence DOUBLE PRECISION",
            "loss DOUBLE PRECISION", "cause_tags TEXT NOT NULL", "fingerprint TEXT NOT NULL", "probe_params TEXT",
            "perturbed_input TEXT");

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("ALTER TABLE failures ADD COLUMN num BIGINT");
                s.execute("UPDATE failures SET num = x.n FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY run_id, seq) AS n "
                        + "FROM failures) x WHERE x.id = failures.id");
                s.execute("ALTER TABLE failures ALTER COLUMN num SET NOT NULL");
                s.execute("CREATE UNIQUE INDEX failures_by_num ON failures (num)");
            } else {
                rebuildSqliteFailures(s);
            }
            String integer = postgres ? "BIGINT" : "INTEGER";
            s.execute("CREATE TABLE failure_inputs_v24 (failure " + integer + " NOT NULL, name TEXT NOT NULL, "
                    + "num_value DOUBLE PRECISION, text_value TEXT)");
            s.execute("INSERT INTO failure_inputs_v24 (failure, name, num_value, text_value) "
                    + "SELECT f.num, i.name, i.num_value, i.text_value FROM failure_inputs i JOIN failures f ON f.id = i.failure_id");
            s.execute("DROP TABLE failure_inputs");
            s.execute("ALTER TABLE failure_inputs_v24 RENAME TO failure_inputs");
            s.execute("CREATE INDEX failure_inputs_by_value ON failure_inputs (name, text_value, num_value, failure)");
        }
    }

    private static void rebuildSqliteFailures(Statement s) throws SQLException {
        List<String> known = KNOWN.stream().map(d -> d.substring(0, d.indexOf(' '))).toList();
        List<String> columns = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        try (ResultSet r = s.executeQuery("PRAGMA table_info(failures)")) {
            while (r.next()) {
                String name = r.getString("name");
                columns.add(name);
                if (!known.contains(name)) {
                    String type = r.getString("type");
                    extra.add("\"" + name.replace("\"", "\"\"") + "\" " + (type == null ? "" : type));
                }
            }
        }
        if (!columns.containsAll(known)) {
            throw new SQLException("the failures table lacks columns of schema version 21: " + known + " expected, "
                    + columns + " found");
        }
        List<String> indexes = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'failures' "
                + "AND sql IS NOT NULL")) {
            while (r.next()) {
                indexes.add(r.getString(1));
            }
        }
        List<String> definitions = new ArrayList<>(KNOWN);
        definitions.addAll(extra);
        s.execute("CREATE TABLE failures_v24 (num INTEGER PRIMARY KEY, " + String.join(", ", definitions) + ")");
        String list = String.join(", ", columns.stream().map(n -> "\"" + n.replace("\"", "\"\"") + "\"").toList());
        s.execute("INSERT INTO failures_v24 (num, " + list + ") SELECT rowid, " + list + " FROM failures ORDER BY rowid");
        s.execute("DROP TABLE failures");
        s.execute("ALTER TABLE failures_v24 RENAME TO failures");
        for (String index : indexes) {
            s.execute(index);
        }
    }
}
