package dev.failforward.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.pattern.ValidatePattern;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings a log's schema up to date with Flyway. The scripts live in {@value #LOCATION}, named
 * {@code V<n>__<what>.sql}; the same SQL runs on SQLite and PostgreSQL (the {@link Dialect} fills
 * its placeholders), and Flyway's history table records which ones a database has, so reopening a
 * log applies only what is new. The first script, {@code V38__failure_log.sql}, is the whole
 * schema (the baseline); a log written before it has the same schema under the history of the
 * fourteen scripts it replaced and is recognised once (see {@link #adoptBaseline}).
 */
final class Migrations {

    /** Our own folder, so that other jars' {@code db/migration} scripts are never picked up. */
    static final String LOCATION = "classpath:db/migration/failforward";

    /**
     * Flyway reports each step at INFO; without a logging library on the class path that goes to
     * java.util.logging, which prints it on the user's terminal. Held here so the level sticks.
     */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private Migrations() {
    }

    /** The version of the baseline script: the schema as it stood when the earlier scripts were folded into one. */
    static final String BASELINE = "38";
    /**
     * The versions the baseline replaced, as a log written before it records them; version 38 of
     * those was named {@value #LAST_REPLACED}.
     */
    private static final Set<String> REPLACED = Set.of("1", "2", "3", "20", "21", "22", "24", "30", "31", "32", "33",
            "36", "37", "38");
    private static final String LAST_REPLACED = "fingerprint keys";
    private static final String HISTORY = "flyway_schema_history";

    /** Brings the log at {@code where} up to date; {@code connection} is the log's own, set up for it (busy timeout). */
    static void apply(StoreLocation where, Connection connection) {
        quietFlyway();
        adoptBaseline(where, connection);
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(where.jdbcUrl(), null, null)
                .locations(LOCATION)
                .placeholders(where.dialect().placeholders())
                .failOnMissingLocations(true)
                // Flyway ignores scripts applied by a newer version; an older FailForward must not
                // write into a schema it does not know, so nothing is ignored.
                .ignoreMigrationPatterns(new ValidatePattern[0])
                .load();
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            String refused = Refusals.reason(e);
            if (refused != null) {
                throw new StoreRefusedException(where.display() + ": cannot prepare the store: " + refused, e);
            }
            throw new StoreException(where.display() + ": " + explain(flyway, e), e);
        }
    }

    /**
     * A log written before the baseline has the baseline's schema, recorded as the history of the
     * scripts the baseline replaced, up to version 38 ({@value #LAST_REPLACED}). That history is
     * replaced, in one transaction, by the row Flyway's own {@code baseline} writes: version 38,
     * type {@code BASELINE}, so Flyway takes the schema as the baseline's and applies only later
     * scripts. The data is not touched. A log that stopped at an earlier version of those scripts
     * lacks part of the schema and is refused with its version, untouched.
     */
    private static void adoptBaseline(StoreLocation where, Connection c) {
        try {
            if (!hasHistory(c)) {
                return;
            }
            List<String[]> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT version, description, type, success FROM " + HISTORY + " ORDER BY installed_rank")) {
                while (r.next()) {
                    rows.add(new String[] {r.getString(1), r.getString(2), r.getString(3), Boolean.toString(r.getBoolean(4))});
                }
            }
            boolean legacy = rows.stream().anyMatch(r -> BASELINE.equals(r[0]) && LAST_REPLACED.equals(r[1]));
            boolean baselined = rows.stream().anyMatch(r -> BASELINE.equals(r[0]) && !LAST_REPLACED.equals(r[1]));
            boolean onlyReplaced = rows.stream().allMatch(r -> REPLACED.contains(r[0]));
            if (baselined || !onlyReplaced) {
                return;
            }
            if (!legacy || rows.stream().anyMatch(r -> !Boolean.parseBoolean(r[3]))) {
                String version = rows.isEmpty() ? "0" : rows.get(rows.size() - 1)[0];
                throw new StoreException(where.display() + ": the log has schema version " + version + " of a FailForward 0.1 "
                        + "development build; this version opens logs from schema version " + BASELINE + " on. Open it once "
                        + "with a 0.1 build from before the baseline migration (which brings it to " + BASELINE
                        + "), or start a new log");
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM " + HISTORY);
                s.executeUpdate("INSERT INTO " + HISTORY + " (installed_rank, version, description, type, script, installed_by, "
                        + "execution_time, success) VALUES (1, '" + BASELINE + "', '<< Flyway Baseline >>', 'BASELINE', "
                        + "'<< Flyway Baseline >>', 'failforward', 0, TRUE)");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(where.display() + ": cannot record the log's schema as version " + BASELINE + ": "
                    + StoreException.oneLine(e), e);
        }
    }

    private static boolean hasHistory(Connection c) throws SQLException {
        try (ResultSet r = c.getMetaData().getTables(null, c.getSchema(), HISTORY, new String[] {"TABLE"})) {
            return r.next();
        }
    }

    /**
     * One line on what went wrong, in our words where Flyway's would mislead a user (it suggests
     * "repair" or "baseline", which would damage a log), else the database's own message.
     */
    private static String explain(Flyway flyway, FlywayException e) {
        try {
            List<MigrationInfo> all = Arrays.asList(flyway.info().all());
            List<String> future = all.stream()
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                    .map(m -> m.getVersion().getVersion()).toList();
            if (!future.isEmpty()) {
                String known = all.stream().filter(m -> m.getState().isResolved())
                        .map(m -> m.getVersion().getVersion()).reduce((a, b) -> b).orElse("none");
                return "the log was written by a newer FailForward (schema version " + future.get(future.size() - 1)
                        + "; this one knows up to " + known + "); use that version or a newer one";
            }
        } catch (FlywayException ignored) {
            // Fall back to the messages below.
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("no schema history table")) {
            return "the database holds other tables but no failure log; give a new file, or an empty database or schema";
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return "cannot create or update the log's tables: " + StoreException.oneLine(sql);
            }
        }
        return "cannot create or update the log's tables: " + StoreException.oneLine(e);
    }

    /** Warnings only, unless the application has set a level for Flyway itself. */
    private static synchronized void quietFlyway() {
        if (FLYWAY_LOG.getLevel() == null) {
            FLYWAY_LOG.setLevel(Level.WARNING);
        }
    }
}
