package dev.failforward.store;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A log written by FailForward 0.1 at schema version 38 opens, reads back as that version read it, and takes new runs. */
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
            try (JdbcFailureLog again = JdbcFailureLog.open(place.location())) {
                assertThat(dump(again)).as("reopened").isEqualTo(V38Fixture.expected(db));
            }
        }
    }

    private String dump(JdbcFailureLog log) throws java.io.IOException {
        String dump = LogDump.of(log).replaceAll("ff_v38_[0-9a-f]{16}", "fixture_schema");
        // Kept for a look when the comparison fails.
        java.nio.file.Files.writeString(Path.of("target").resolve("read-back-" + log.location().hashCode() + ".txt"), dump);
        return dump;
    }
}
