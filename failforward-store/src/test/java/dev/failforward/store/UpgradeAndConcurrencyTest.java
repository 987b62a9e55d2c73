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

/** A log of schema version 1 is upgraded with its failures' inputs made searchable; two processes writing to one SQLite file both succeed. */
class UpgradeAndConcurrencyTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Database.class)
    void aVersion1LogIsMigratedAndItsInputsBackfilled(Database db) throws Exception {
        Telco.Scored scored = Telco.scan(RunIds.next(), 0, 500, 5);
        // One failure with an id of its own: version 37 keeps only such ids.
        List<Failure> failures = new ArrayList<>(scored.failures());
        Failure second = failures.get(1);
        failures.set(1, new Failure("imported/2", second.runId(), second.rowKey(), second.origin(), second.input(),
                second.expected(), second.predicted(), second.probabilities(), second.prediction(), second.confidence(),
                second.loss(), second.causeTags(), second.fingerprint()));
        Explanation explanation = new Explanation("lime", "Yes", "probability", 0.25, 0.75,
                List.of(new Attribution("tenure", 0.5)), Fidelity.r2(0.9));
        try (Database.Place place = db.fresh(dir)) {
            StoreLocation where = StoreLocation.parse(place.location());
            if (where.kind() == StoreLocation.Kind.SQLITE) {
                Files.createDirectories(where.file().toAbsolutePath().getParent());
            }
            Flyway.configure(getClass().getClassLoader()).dataSource(where.jdbcUrl(), null, null)
                    .locations(Migrations.LOCATION).target("1").load().migrate();
            try (Connection c = DriverManager.getConnection(where.jdbcUrl())) {
                RunRows.insert(c, scored.run());
                try (PreparedStatement s = c.prepareStatement("INSERT INTO failures (seq, id, run_id, row_key, origin, input, "
                        + "expected, predicted, probabilities, prediction, confidence, loss, cause_tags, fingerprint) VALUES (?"
                        + ", ?".repeat(13) + ")")) {
                    int seq = 0;
                    for (Failure f : failures) {
                        int i = 1;
                        s.setInt(i++, seq++);
                        s.setString(i++, f.id());
                        s.setString(i++, f.runId());
                        s.setString(i++, f.rowKey());
                        s.setString(i++, f.origin());
                        s.setString(i++, Json.write(f.input()));
                        s.setString(i++, f.expected());
                        s.setString(i++, f.predicted());
                        s.setString(i++, Json.write(f.probabilities()));
                        SqlValues.setOptional(s, i++, f.prediction());
                        SqlValues.setOptional(s, i++, f.confidence());
                        SqlValues.setLoss(s, i++, f.loss());
                        s.setString(i++, Json.write(f.causeTags()));
                        s.setString(i, f.fingerprint());
                        s.executeUpdate();
                    }
                }
            }
            // Attributions as version 36 kept them, by failure id (version 37 refers to the failure's number).
            Flyway.configure(getClass().getClassLoader()).dataSource(where.jdbcUrl(), null, null)
                    .locations(Migrations.LOCATION).target("36").load().migrate();
            try (Connection c = DriverManager.getConnection(where.jdbcUrl());
                 PreparedStatement s = c.prepareStatement("INSERT INTO attributions (failure_id, run_id, method, explanation, "
                         + "created_at) VALUES (?, ?, 'lime', ?, '2026-11-29T00:00:00Z')")) {
                for (Failure f : failures.subList(0, 2)) {
                    s.setString(1, f.id());
                    s.setString(2, f.runId());
                    s.setString(3, AttributionRows.write(explanation));
                    s.executeUpdate();
                }
            }
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                assertThat(log.runs()).extracting(Run::id).containsExactly(scored.run().id());
                assertThat(log.failures(FailureFilter.all())).containsExactlyElementsOf(failures);
                for (Failure f : failures.subList(0, 3)) {
                    assertThat(log.failure(f.id())).get().extracting(LoggedFailure::failure).isEqualTo(f);
                    assertThat(log.attributions(f.id())).usingRecursiveFieldByFieldElementComparator()
                            .isEqualTo(f == failures.get(2) ? List.of() : List.of(explanation));
                }
                assertThat(log.attributionsOfRun(scored.run().id())).containsOnlyKeys(failures.get(0).id(), "imported/2");
                FailureFilter twoYear = new FailureFilter(null, null, null, null, WhereParser.parse("contract = 'Two year' OR tenure >= 60"),
                        null, null, null, null);
                assertThat(log.find(twoYear)).extracting(f -> f.failure().id()).isNotEmpty()
                        .containsExactlyElementsOf(failures.stream().filter(f -> "Two year".equals(f.input().get("contract"))
                                || f.input().get("tenure") instanceof Double t && t >= 60).map(Failure::id).toList());
                // Found by fingerprint through the keys version 38 computes for the stored failures.
                Failure last = failures.get(failures.size() - 1);
                assertThat(log.history(last.fingerprint())).extracting(f -> f.failure().id()).containsExactly(last.id());
                assertThat(log.stats(null, StatDimension.FEATURE, "contract").stream().mapToLong(StatRow::failures).sum())
                        .isEqualTo(failures.size());
            }
        }
    }

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
