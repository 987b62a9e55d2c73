package dev.failforward.store;

import dev.failforward.failure.FailureFilter;
import dev.failforward.run.RunIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening a log: where it may be, what reopening keeps, and the one-line messages when it cannot be opened. */
class OpeningTest {

    private static final Pattern PASSWORD = Pattern.compile("password=([^&;]+)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Database.class)
    void reopeningKeepsTheDataAndAppliesNoMigrationTwice(Database db) throws Exception {
        Telco.Scored scored = Telco.scan(RunIds.next(), 6000, 200, 21);
        try (Database.Place place = db.fresh(dir)) {
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                log.begin(scored.started());
                log.complete(scored.run(), scored.predictions(), scored.failures());
            }
            String url = jdbcUrl(place.location());
            List<String> history = history(url);
            assertThat(history).hasSameSizeAs(migrationScripts());

            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                assertThat(log.runs()).containsExactly(scored.run());
                assertThat(log.failures(FailureFilter.all())).containsExactlyElementsOf(scored.failures());
                JdbcFailureLogTest.assertSamePredictions(log.predictions(scored.run().id()), scored.predictions());
            }
            assertThat(history(url)).as("the schema history, with the time each script was applied")
                    .containsExactlyElementsOf(history);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aLogFromANewerFailForwardIsRefusedWithoutTouchingIt(Database db) throws Exception {
        try (Database.Place place = db.fresh(dir)) {
            JdbcFailureLog.open(place.location()).close();
            String url = jdbcUrl(place.location());
            // What a later FailForward would leave: one more script applied than this one knows.
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                        + "checksum, installed_by, installed_on, execution_time, success) SELECT installed_rank + 1000, "
                        + "'1000', 'from the future', type, 'V1000__from_the_future.sql', checksum, installed_by, "
                        + "installed_on, execution_time, success FROM flyway_schema_history WHERE installed_rank = "
                        + "(SELECT MAX(installed_rank) FROM flyway_schema_history)");
            }
            List<String> history = history(url);
            int known = migrationScripts().stream().mapToInt(OpeningTest::version).max().orElseThrow();
            assertOneLineError(place.location(), Database.redacted(place.location()) + ": the log was written by "
                    + "a newer FailForward (schema version 1000; this one knows up to " + known + ")");
            assertThat(history(url)).isEqualTo(history);
        }
    }

    @Test
    void createsTheSqliteFileAndItsDirectoriesInWalMode() throws SQLException {
        Path file = dir.resolve("a/b/c/failures.db");
        try (JdbcFailureLog log = JdbcFailureLog.open(file.toString())) {
            assertThat(log.location()).isEqualTo(file.toString());
            assertThat(log.runs()).isEmpty();
        }
        assertThat(file).isRegularFile();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
            r.next();
            assertThat(r.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void opensASqliteJdbcUrl() {
        String url = "jdbc:sqlite:" + dir.resolve("logs/by-url.db");
        try (JdbcFailureLog log = JdbcFailureLog.open(url)) {
            assertThat(log.location()).isEqualTo(url);
            assertThat(log.runs()).isEmpty();
        }
        assertThat(dir.resolve("logs/by-url.db")).isRegularFile();
    }

    @Test
    void aDirectoryIsNotALog() {
        assertOneLineError(dir.toString(), dir + ": is a directory");
    }

    @Test
    void aFileThatIsNotSqliteIsNotALog() throws IOException {
        Path csv = Files.copy(Telco.FILE, dir.resolve("failforward.db"));
        assertOneLineError(csv.toString(), csv + ": not a SQLite database file");
        assertThat(Files.readString(csv)).as("the file is left as it was").isEqualTo(Files.readString(Telco.FILE));
    }

    @Test
    void anotherApplicationsDatabaseIsLeftAlone() throws SQLException {
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
        }
        assertOneLineError(other.toString(), other + ": the database holds other tables but no failure log");
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsNamed() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        Path file = blocker.resolve("log.db");
        assertOneLineError(file.toString(), file + ": cannot create the directory " + blocker + ": " + blocker + " is a file");
    }

    @Test
    void otherDatabasesAndInMemorySqliteAreRefused() {
        assertOneLineError("jdbc:mysql://db.example/failforward?user=ff&password=s3cret",
                "jdbc:mysql://db.example/failforward?user=ff&password=***: unsupported database; expected a file path");
        assertOneLineError("jdbc:sqlite::memory:", "jdbc:sqlite::memory:: an in-memory SQLite database cannot hold a failure log");
    }

    @Test
    void anUnreachablePostgresIsNamedWithItsPasswordRedacted() {
        assertOneLineError("jdbc:postgresql://127.0.0.1:1/failforward?user=ff&password=s3cret",
                "jdbc:postgresql://127.0.0.1:1/failforward?user=ff&password=***: cannot connect to PostgreSQL: ");
    }

    @Test
    void aWrongPostgresPasswordIsNamedWithTheLocation() {
        String url = withPassword(Database.postgresUrl(), "not-the-password");
        assertOneLineError(url, withPassword(url, "***") + ": cannot connect to PostgreSQL: ");
    }

    @Test
    void aPostgresLocationIsShownWithoutItsPassword() {
        try (Database.Place place = Database.POSTGRESQL.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            Matcher m = PASSWORD.matcher(place.location());
            assertThat(m.find()).as("the test URL carries a password").isTrue();
            assertThat(log.location()).isEqualTo(withPassword(place.location(), "***")).doesNotContain(m.group(0));
        }
    }

    private static void assertOneLineError(String location, String expectedStart) {
        assertThatThrownBy(() -> JdbcFailureLog.open(location).close())
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith(expectedStart)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("s3cret")
                        .doesNotContain("not-the-password"));
    }

    private static String withPassword(String url, String password) {
        return PASSWORD.matcher(url).replaceAll("password=" + Matcher.quoteReplacement(password));
    }

    private static String jdbcUrl(String location) {
        return location.startsWith("jdbc:") ? location : "jdbc:sqlite:" + location;
    }

    /** Each applied script with its checksum and the time it was applied. */
    private static List<String> history(String url) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version, script, checksum, installed_on, success "
                     + "FROM flyway_schema_history ORDER BY installed_rank")) {
            while (r.next()) {
                rows.add(String.join(" ", r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
            }
        }
        return rows;
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static List<Path> migrationScripts() throws IOException, URISyntaxException {
        var folder = Objects.requireNonNull(OpeningTest.class.getResource("/db/migration/failforward"));
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__[^$]+\\.(sql|class)")).toList();
        }
    }
}
