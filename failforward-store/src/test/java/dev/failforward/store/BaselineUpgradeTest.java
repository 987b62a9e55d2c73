package dev.failforward.store;

import dev.failforward.failure.FailureFilter;
import dev.failforward.run.RunIds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Logs written by FailForward 0.1 before the baseline migration (schema version 38, {@link V38Fixture})
 * open, read back exactly as that version read them, take new runs, and have the schema a new log
 * gets from the baseline; a log of an earlier development schema is refused, untouched.
 */
@Tag("slow")
class BaselineUpgradeTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Database.class)
    void aVersion38LogReadsBackIdentically(Database db) throws Exception {
        try (Database.Place place = V38Fixture.place(db, dir)) {
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                assertThat(dump(log)).isEqualTo(V38Fixture.expected(db));
            }
            assertThat(history(place.location())).as("the old history is recorded as the baseline, once")
                    .containsExactly("38 << Flyway Baseline >> BASELINE true");
            List<String> adopted = history(place.location());
            try (JdbcFailureLog again = JdbcFailureLog.open(place.location())) {
                assertThat(dump(again)).as("reopened").isEqualTo(V38Fixture.expected(db));
            }
            assertThat(history(place.location())).isEqualTo(adopted);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aVersion38LogTakesNewRunsBesideItsOldOnes(Database db) throws Exception {
        Telco.Scored scored = Telco.scan(RunIds.next(), 0, 300, 5);
        try (Database.Place place = V38Fixture.place(db, dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            long before = log.count(FailureFilter.all());
            log.begin(scored.started());
            log.complete(scored.run(), scored.predictions(), scored.failures());
            assertThat(log.failures(FailureFilter.ofRun(scored.run().id()))).containsExactlyElementsOf(scored.failures());
            assertThat(log.count(FailureFilter.all())).isEqualTo(before + scored.failures().size());
            assertThat(log.runs()).hasSize(4);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void theBaselineGivesANewLogTheSchemaOfAVersion38Log(Database db) throws Exception {
        try (Database.Place old = V38Fixture.place(db, dir.resolve("old")); Database.Place fresh = db.fresh(dir.resolve("new"))) {
            JdbcFailureLog.open(old.location()).close();
            JdbcFailureLog.open(fresh.location()).close();
            Map<String, String> oldSchema = schema(old.location());
            Map<String, String> newSchema = schema(fresh.location());
            assertThat(newSchema.keySet()).containsExactlyInAnyOrder("runs", "predictions", "production_events", "triage",
                    "scored_rows", "attribution_contrasts", "run_values", "input_sets", "run_detections", "failures",
                    "attributions", "failure_fingerprints");
            oldSchema.keySet().removeIf(t -> t.startsWith("failure_inputs_"));
            assertThat(newSchema).isEqualTo(oldSchema);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aLogOfAnEarlierDevelopmentSchemaIsRefusedUntouched(Database db) throws Exception {
        try (Database.Place place = V38Fixture.place(db, dir)) {
            // What a development build that stopped at version 37 would have left.
            execute(place.location(), "DELETE FROM flyway_schema_history WHERE version = '38'");
            List<String> history = history(place.location());
            assertThatThrownBy(() -> JdbcFailureLog.open(place.location())).isInstanceOf(StoreException.class)
                    .hasMessage(Database.redacted(place.location()) + ": the log has schema version 37 of a FailForward 0.1 "
                            + "development build; this version opens logs from schema version 38 on. Open it once with a 0.1 "
                            + "build from before the baseline migration (which brings it to 38), or start a new log");
            assertThat(history(place.location())).isEqualTo(history);
        }
    }

    private String dump(JdbcFailureLog log) throws java.io.IOException {
        String dump = LogDump.of(log).replaceAll("ff_v38_[0-9a-f]{16}", "fixture_schema");
        // Kept for a look when the comparison fails.
        Files.writeString(Path.of("target").resolve("read-back-" + StoreLocation.parse(log.location()).dialect() + ".txt"), dump);
        return dump;
    }

    private static String url(String location) {
        return StoreLocation.parse(location).jdbcUrl();
    }

    private static void execute(String location, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(location)); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    /** Each row of the schema history: version, name, type, success. */
    private static List<String> history(String location) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(location)); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version, description, type, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getBoolean(4));
            }
        }
        return rows;
    }

    /**
     * Per table of the log: its columns (name, type, nullability), its unique keys and indexes by
     * their columns (a primary key counts as a unique key), and its foreign keys; names of
     * constraints and the order of columns aside.
     */
    private static Map<String, String> schema(String location) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url(location))) {
            DatabaseMetaData m = c.getMetaData();
            String schema = c.getSchema();
            List<String> tables = new ArrayList<>();
            try (ResultSet r = m.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (r.next()) {
                    String t = r.getString("TABLE_NAME");
                    if (!t.equals("flyway_schema_history") && !t.startsWith("sqlite_")) {
                        tables.add(t);
                    }
                }
            }
            for (String t : tables) {
                TreeSet<String> parts = new TreeSet<>();
                try (ResultSet r = m.getColumns(null, schema, t, "%")) {
                    while (r.next()) {
                        parts.add("column " + r.getString("COLUMN_NAME") + " " + r.getString("TYPE_NAME").toUpperCase()
                                + (r.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " NOT NULL" : ""));
                    }
                }
                Map<String, TreeSet<String>> pk = new TreeMap<>();
                try (ResultSet r = m.getPrimaryKeys(null, schema, t)) {
                    while (r.next()) {
                        pk.computeIfAbsent("pk", k -> new TreeSet<>()).add(r.getString("COLUMN_NAME"));
                    }
                }
                pk.values().forEach(cols -> parts.add("unique " + cols));
                Map<String, TreeSet<String>> indexes = new TreeMap<>();
                Map<String, Boolean> unique = new TreeMap<>();
                try (ResultSet r = m.getIndexInfo(null, schema, t, false, false)) {
                    while (r.next()) {
                        String name = r.getString("INDEX_NAME");
                        if (name == null || r.getString("COLUMN_NAME") == null) {
                            continue;
                        }
                        indexes.computeIfAbsent(name, k -> new TreeSet<>()).add(r.getString("COLUMN_NAME"));
                        unique.put(name, !r.getBoolean("NON_UNIQUE"));
                    }
                }
                indexes.forEach((name, cols) -> parts.add((unique.get(name) ? "unique " : "index ") + cols));
                try (ResultSet r = m.getImportedKeys(null, schema, t)) {
                    while (r.next()) {
                        parts.add("references " + r.getString("FKCOLUMN_NAME") + " -> " + r.getString("PKTABLE_NAME") + "."
                                + r.getString("PKCOLUMN_NAME"));
                    }
                }
                out.put(t, String.join("\n", parts));
            }
        }
        return out;
    }
}
