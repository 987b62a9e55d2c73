package dev.failforward.store;

import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.FailureQuery;
import dev.failforward.failure.WhereParser;
import dev.failforward.run.Run;
import dev.failforward.run.RunIds;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A log of schema version 1 is upgraded with its failures' inputs made searchable; two writers on one SQLite file both succeed. */
class UpgradeAndConcurrencyTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Database.class)
    void aVersion1LogIsMigratedAndItsInputsBackfilled(Database db) throws Exception {
        Telco.Scored scored = Telco.scan(RunIds.next(), 0, 500, 5);
        try (Database.Place place = db.fresh(dir)) {
            StoreLocation where = StoreLocation.parse(place.location());
            if (where.kind() == StoreLocation.Kind.SQLITE) {
                java.nio.file.Files.createDirectories(where.file().toAbsolutePath().getParent());
            }
            Flyway.configure(getClass().getClassLoader()).dataSource(where.jdbcUrl(), null, null)
                    .locations(Migrations.LOCATION).target("1").load().migrate();
            try (Connection c = DriverManager.getConnection(where.jdbcUrl())) {
                RunRows.insert(c, scored.run());
                try (PreparedStatement s = c.prepareStatement("INSERT INTO failures (seq, id, run_id, row_key, origin, input, "
                        + "expected, predicted, probabilities, prediction, confidence, loss, cause_tags, fingerprint) VALUES (?"
                        + ", ?".repeat(13) + ")")) {
                    int seq = 0;
                    for (Failure f : scored.failures()) {
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
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                assertThat(log.runs()).extracting(Run::id).containsExactly(scored.run().id());
                assertThat(log.failures(FailureQuery.all())).containsExactlyElementsOf(scored.failures());
                FailureFilter twoYear = new FailureFilter(null, null, null, null, WhereParser.parse("contract = 'Two year' OR tenure >= 60"),
                        null, null, null, null);
                assertThat(log.find(twoYear)).extracting(f -> f.failure().id()).isNotEmpty()
                        .containsExactlyElementsOf(scored.failures().stream().filter(f -> "Two year".equals(f.input().get("contract"))
                                || f.input().get("tenure") instanceof Double t && t >= 60).map(Failure::id).toList());
            }
        }
    }

    @Test
    void twoWritersOnOneSqliteFileBothSucceed() throws Exception {
        String file = dir.resolve("shared.db").toString();
        JdbcFailureLog.open(file).close();
        Instant start = Instant.now().minusSeconds(60);
        List<Telco.Scored> scans = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            scans.add(Telco.scan(RunIds.at(start.plusSeconds(i)), i * 700, 3000, i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                Callable<Void> work = () -> {
                    // Each writer has its own connection, as a second process would.
                    try (JdbcFailureLog log = JdbcFailureLog.open(file)) {
                        for (int i = writer; i < scans.size(); i += 2) {
                            Telco.Scored s = scans.get(i);
                            log.begin(s.started());
                            log.complete(s.run(), s.predictions(), s.failures());
                        }
                    }
                    return null;
                };
                done.add(pool.submit(work));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        try (JdbcFailureLog log = JdbcFailureLog.open(file)) {
            assertThat(log.runs()).extracting(Run::id).containsExactlyElementsOf(scans.stream().map(s -> s.run().id()).toList());
            assertThat(log.countFailures(FailureQuery.all())).isEqualTo(scans.stream().mapToLong(s -> s.failures().size()).sum());
        }
    }
}
