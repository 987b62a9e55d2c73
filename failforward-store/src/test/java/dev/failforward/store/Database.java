package dev.failforward.store;

import dev.failforward.run.Secrets;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The databases every behaviour test runs on. Each test gets a fresh, empty place: a SQLite file
 * in its temporary directory, or a PostgreSQL schema of its own (created, then dropped), so
 * tests never see each other's runs.
 */
enum Database {

    SQLITE {
        @Override
        Place fresh(Path dir) {
            return new Place(dir.resolve("logs").resolve("failforward.db").toString(), () -> {
            });
        }
    },

    POSTGRESQL {
        @Override
        Place fresh(Path dir) {
            String base = postgresUrl();
            String schema = "ff_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            execute(base, "CREATE SCHEMA " + schema);
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new Place(url, () -> execute(base, "DROP SCHEMA " + schema + " CASCADE"));
        }
    };

    static final String POSTGRES_VARIABLE = "FAILFORWARD_TEST_POSTGRES";

    /** An empty location for one test; closing it removes what the test left. */
    abstract Place fresh(Path dir);

    record Place(String location, Runnable cleanup) implements AutoCloseable {
        @Override
        public void close() {
            cleanup.run();
        }
    }

    /** The PostgreSQL test database; its absence fails the test, since a skipped test proves nothing. */
    static String postgresUrl() {
        String url = System.getenv(POSTGRES_VARIABLE);
        if (url == null || url.isBlank()) {
            fail(POSTGRES_VARIABLE + " is not set: the store tests need a PostgreSQL database, e.g. " + POSTGRES_VARIABLE
                    + "='jdbc:postgresql://localhost:5432/failforward_test?user=failforward&password=failforward'"
                    + " (scripts/test sets it up)");
        }
        return url;
    }

    /** A location as the log shows it. */
    static String redacted(String location) {
        return Secrets.redact(location);
    }

    static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test database: " + e.getMessage(), e);
        }
    }
}
