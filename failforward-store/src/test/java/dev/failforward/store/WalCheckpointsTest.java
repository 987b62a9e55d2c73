package dev.failforward.store;

import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.RunValues;
import dev.failforward.run.RunIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLite's log is copied into the database file by the background checkpoint after a run is
 * stored, while the log stays open: the committing thread no longer checkpoints, and a run far
 * below SQLite's own auto-checkpoint size still reaches the file.
 */
class WalCheckpointsTest {

    @TempDir
    Path dir;

    @Test
    void aStoredRunReachesTheDatabaseFileWhileTheLogIsOpen() throws Exception {
        Path file = dir.resolve("log.db");
        Telco.Scored scored = Telco.scan(RunIds.next(), 0, 2000, 3);
        try (JdbcFailureLog log = JdbcFailureLog.open(file.toString())) {
            long before = Files.size(file);
            log.complete(scored.run(), scored.predictions(), scored.failures(), RunValues.of(Telco.rows(0, 2000), scored.predictions()));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (Files.size(file) <= before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Files.size(file)).as("database file after the checkpoint").isGreaterThan(before + 100_000);
            assertThat(log.failures(FailureFilter.ofRun(scored.run().id()))).hasSize(scored.failures().size());
        }
        assertThat(Path.of(file + "-wal")).doesNotExist();
        try (JdbcFailureLog again = JdbcFailureLog.open(file.toString())) {
            assertThat(again.failures(FailureFilter.ofRun(scored.run().id()))).hasSize(scored.failures().size());
        }
    }
}
