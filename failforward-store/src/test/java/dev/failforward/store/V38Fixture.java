package dev.failforward.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;

/**
 * Failure logs written by FailForward 0.1 before the baseline migration, at schema version 38
 * ({@code fixtures/v38/make-fixture.sh} made them with that version: two scans with probes,
 * detectors and explanations, production events, triage), with what that version read back
 * from them ({@link LogDump}).
 */
final class V38Fixture {

    private static final String FOLDER = "/fixtures/v38/";

    private V38Fixture() {
    }

    /** A copy of the fixture's log in a fresh place of this database. */
    static Database.Place place(Database db, Path dir) throws IOException {
        if (db == Database.SQLITE) {
            Path file = dir.resolve("v38").resolve("failforward.db");
            Files.createDirectories(file.getParent());
            try (InputStream in = stream("failforward.db")) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Database.Place(file.toString(), () -> {
            });
        }
        String base = Database.postgresUrl();
        String schema = "ff_v38_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Database.execute(base, "CREATE SCHEMA " + schema);
        String sql = text("postgresql.sql").replace("fixture_schema", schema);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : sql.split(";\n")) {
                String body = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
                if (!body.isEmpty()) {
                    s.execute(body);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the PostgreSQL fixture: " + e.getMessage(), e);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Database.Place(url, () -> Database.execute(base, "DROP SCHEMA " + schema + " CASCADE"));
    }

    /** What FailForward 0.1 read back from the fixture of this database. */
    static String expected(Database db) throws IOException {
        try (InputStream in = new java.util.zip.GZIPInputStream(stream("read-back-" + db.name().toLowerCase() + ".txt.gz"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String text(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream stream(String name) {
        return Objects.requireNonNull(V38Fixture.class.getResourceAsStream(FOLDER + name), "no fixture " + FOLDER + name);
    }
}
