package dev.failforward.store;

import dev.failforward.explain.Attribution;
import dev.failforward.explain.Explanation;
import dev.failforward.explain.Fidelity;
import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.LoggedFailure;
import dev.failforward.failure.StatDimension;
import dev.failforward.failure.StatRow;
import dev.failforward.failure.WhereParser;
import dev.failforward.run.Run;
import dev.failforward.run.RunIds;
import dev.failforward.run.RunStatus;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two processes writing to one SQLite file both succeed (upgrades from earlier schemas: {@link BaselineUpgradeTest}). */
@Tag("slow")
class ConcurrentWritersTest {

    @TempDir
    Path dir;

    /** Two JVMs, not two threads: each has its own SQLite library state, as two users' scans would. */
    @Test
    void twoProcessesWritingToOneSqliteFileBothSucceed() throws Exception {
        String file = dir.resolve("shared.db").toString();
        JdbcFailureLog.open(file).close();
        Path go = dir.resolve("go");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            List<String> command = List.of(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    "-Dfailforward.root=" + System.getProperty("failforward.root", System.getProperty("user.dir")),
                    WriterProcess.class.getName(), file, go.toString(), Integer.toString(w), "4", "3000");
            writers.add(new ProcessBuilder(command).redirectError(dir.resolve("writer" + w + ".err").toFile()).start());
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!(Files.exists(Path.of(go + ".0.ready")) && Files.exists(Path.of(go + ".1.ready")))) {
            assertThat(writers).allMatch(Process::isAlive);
            assertThat(System.nanoTime()).as("writers not ready in time").isLessThan(deadline);
            Thread.sleep(10);
        }
        Files.createFile(go);
        Map<String, Long> written = new HashMap<>();
        for (int w = 0; w < writers.size(); w++) {
            Process p = writers.get(w);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve("writer" + w + ".err"))).isZero();
            out.lines().map(l -> l.split(" ")).forEach(l -> written.put(l[0], Long.parseLong(l[1])));
        }
        assertThat(written).hasSize(8);
        try (JdbcFailureLog log = JdbcFailureLog.open(file)) {
            assertThat(log.runs()).extracting(Run::id).containsExactlyInAnyOrderElementsOf(written.keySet());
            assertThat(log.runs()).allMatch(r -> r.status() == RunStatus.COMPLETE);
            for (Map.Entry<String, Long> e : written.entrySet()) {
                assertThat(log.count(FailureFilter.ofRun(e.getKey()))).isEqualTo(e.getValue());
            }
            // Every failure's input values are there, under its own number.
            FailureFilter all = new FailureFilter(null, null, null, null, WhereParser.parse("tenure >= 0 OR tenure < 0"),
                    null, null, null, null);
            assertThat(log.count(all)).isEqualTo(written.values().stream().mapToLong(Long::longValue).sum());
        }
    }
}
