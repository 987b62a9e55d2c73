package dev.failforward.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.pattern.ValidatePattern;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings a log's schema up to date with Flyway. The scripts live in {@value #LOCATION}, named
 * {@code V<n>__<what>.sql}; the same SQL runs on SQLite and PostgreSQL, and Flyway's history
 * table records which ones a database has, so reopening a log applies only what is new.
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

    static void apply(StoreLocation where) {
        quietFlyway();
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(where.jdbcUrl(), null, null)
                .locations(LOCATION)
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
