package dev.failforward.store;

import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.LoggedFailure;
import dev.failforward.failure.Perturbation;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.model.Task;
import dev.failforward.run.Provenance;
import dev.failforward.run.Run;
import dev.failforward.run.RunIds;
import dev.failforward.run.RunStatus;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** The failure log's behaviour, the same on SQLite and PostgreSQL. */
class JdbcFailureLogTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Database.class)
    void storesARunWithItsPredictionsAndFailuresExactly(Database db) {
        Telco.Scored scored = Telco.scan(RunIds.next(), 480, 400, 7);
        Run run = scored.run();
        assertThat(scored.failures()).isNotEmpty();
        assertThat(valueTypes(scored.failures())).as("the inputs hold every kind of value")
                .contains(Double.class, Boolean.class, String.class, null);

        try (Database.Place place = db.fresh(dir)) {
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                log.begin(scored.started());
                assertThat(log.run(run.id())).get().isEqualTo(scored.started());
                log.complete(run, scored.predictions(), scored.failures());
            }
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                assertThat(log.run(run.id())).get().isEqualTo(run);
                assertSamePredictions(log.predictions(run.id()), scored.predictions());
                List<Failure> stored = log.failures(FailureFilter.ofRun(run.id()));
                assertThat(stored).containsExactlyElementsOf(scored.failures());
                for (int i = 0; i < stored.size(); i++) {
                    assertSameValues(stored.get(i), scored.failures().get(i));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void listsRunsOldestFirstAndFindsTheLatest(Database db) {
        Instant start = Instant.now().minusSeconds(3600);
        List<Telco.Scored> scans = Stream.of(0, 1, 2)
                .map(i -> Telco.scan(RunIds.at(start.plusSeconds(60L * i)), 100 * i, 50, i)).toList();
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            assertThat(log.runs()).isEmpty();
            assertThat(log.run("latest")).isEmpty();

            for (int i : new int[] {2, 0, 1}) {
                log.begin(scans.get(i).started());
            }
            Telco.Scored oldest = scans.get(0);
            log.complete(oldest.run(), oldest.predictions(), oldest.failures());

            assertThat(log.runs()).extracting(Run::id).containsExactlyElementsOf(scans.stream().map(s -> s.run().id()).toList());
            assertThat(log.run("latest")).get().isEqualTo(scans.get(2).started());
            assertThat(log.run(oldest.run().id())).get().extracting(Run::status).isEqualTo(RunStatus.COMPLETE);
            assertThat(log.run(RunIds.next())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void listsFailuresByRunThenStoredOrderWithLimitsAndCounts(Database db) {
        Instant start = Instant.now().minusSeconds(600);
        Telco.Scored older = Telco.scan(RunIds.at(start), 1000, 300, 11);
        Telco.Scored newer = Telco.scan(RunIds.at(start.plusSeconds(1)), 2000, 300, 12);
        assertThat(older.failures()).hasSizeGreaterThan(5);
        assertThat(newer.failures()).hasSizeGreaterThan(5);
        List<Failure> all = new ArrayList<>(older.failures());
        all.addAll(newer.failures());

        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            // Stored newest first, listed oldest first.
            for (Telco.Scored s : List.of(newer, older)) {
                log.begin(s.started());
                log.complete(s.run(), s.predictions(), s.failures());
            }
            String newerId = newer.run().id();

            assertThat(log.failures(FailureFilter.all())).containsExactlyElementsOf(all);
            assertThat(log.failures(FailureFilter.ofRun(newerId).withLimit(5))).containsExactlyElementsOf(newer.failures().subList(0, 5));
            assertThat(log.failures(FailureFilter.all().withLimit(older.failures().size() + 3)))
                    .containsExactlyElementsOf(all.subList(0, older.failures().size() + 3));
            assertThat(log.failures(FailureFilter.ofRun(newerId).withLimit(0))).isEmpty();
            assertThat(log.failures(FailureFilter.ofRun(RunIds.next()))).isEmpty();

            assertThat(log.count(FailureFilter.all().withLimit(1))).isEqualTo(all.size());
            assertThat(log.count(FailureFilter.ofRun(newerId).withLimit(2))).isEqualTo(newer.failures().size());
            assertThat(log.count(FailureFilter.ofRun(RunIds.next()))).isZero();
            assertThatThrownBy(() -> log.failures(FailureFilter.all().withLimit(-1))).isInstanceOf(IllegalArgumentException.class);

            assertSamePredictions(log.predictions(older.run().id()), older.predictions());
            assertThat(log.runs()).extracting(Run::failureCount)
                    .containsExactly(older.failures().size(), newer.failures().size());
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aCompleteThatFailsLeavesTheRunIncompleteWithNoRows(Database db) {
        Telco.Scored scored = Telco.scan(RunIds.next(), 3000, 300, 5);
        List<Failure> duplicated = new ArrayList<>(scored.failures());
        duplicated.add(scored.failures().get(0));
        String id = scored.run().id();

        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            log.begin(scored.started());
            // The duplicate is the last row written, after all predictions and the run's update.
            assertThatThrownBy(() -> log.complete(scored.run(), scored.predictions(), duplicated))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith(log.location() + ": cannot store run " + id + ": ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

            assertThat(log.run(id)).get().isEqualTo(scored.started());
            assertThat(log.predictions(id)).isEmpty();
            assertThat(log.failures(FailureFilter.ofRun(id))).isEmpty();
            assertThat(log.count(FailureFilter.all())).isZero();

            // The log is still usable, and the same run can still be completed.
            log.complete(scored.run(), scored.predictions(), scored.failures());
            assertThat(log.run(id)).get().isEqualTo(scored.run());
            assertThat(log.count(FailureFilter.all())).isEqualTo(scored.failures().size());
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void refusesFailuresOfAnotherRunAndASecondBegin(Database db) {
        Telco.Scored scored = Telco.scan(RunIds.next(), 4000, 200, 3);
        Failure first = scored.failures().get(0);
        Failure foreign = new Failure(first.id(), RunIds.next(), first.rowKey(), first.origin(), first.input(),
                first.expected(), first.predicted(), first.probabilities(), first.prediction(), first.confidence(),
                first.loss(), first.causeTags(), first.fingerprint());
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            log.begin(scored.started());
            assertThatThrownBy(() -> log.begin(scored.started())).isInstanceOf(StoreException.class)
                    .hasMessage(log.location() + ": cannot record the start of run " + scored.run().id()
                            + ": the log already has a run with this id");
            assertThatThrownBy(() -> log.complete(scored.run(), scored.predictions(), List.of(foreign)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(foreign.runId());
            assertThat(log.run(scored.run().id())).get().extracting(Run::status).isEqualTo(RunStatus.INCOMPLETE);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void idsOtherThanRunAndPositionAreKeptFoundAndNeverGivenTwice(Database db) {
        Telco.Scored a = Telco.scan(RunIds.next(), 300, 200, 3);
        Telco.Scored b = Telco.scan(RunIds.next(), 600, 200, 4);
        // b's failures: one named freely, one out of its position, one with a's first failure's id.
        List<Failure> renamed = new ArrayList<>(b.failures());
        renamed.set(0, withId(renamed.get(0), "ticket 7 \"x\""));
        renamed.set(1, withId(renamed.get(1), b.run().id() + "-" + (renamed.size() + 5)));
        List<Failure> clashing = new ArrayList<>(renamed);
        clashing.set(2, withId(clashing.get(2), a.failures().get(0).id()));
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            log.complete(a.run(), a.predictions(), a.failures());
            assertThatThrownBy(() -> log.complete(b.run(), b.predictions(), clashing)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("failure id " + a.failures().get(0).id() + " is given to two failures");
            assertThat(log.run(b.run().id())).isEmpty();

            log.complete(b.run(), b.predictions(), renamed);
            assertThat(log.failures(FailureFilter.ofRun(b.run().id()))).containsExactlyElementsOf(renamed);
            for (Failure f : List.of(renamed.get(0), renamed.get(1), renamed.get(2), a.failures().get(0))) {
                assertThat(log.failure(f.id())).get().extracting(LoggedFailure::failure).isEqualTo(f);
            }
            // The position renamed.get(1)'s id names is past the run's end; position 2 holds a derived id.
            assertThat(log.failure(b.run().id() + "-1")).isEmpty();
            assertThat(log.failure(b.run().id() + "-01")).isEmpty();
            assertThat(log.failure(b.run().id() + "-2")).isEmpty();
            assertThat(log.failure(b.run().id() + "-3")).get().extracting(LoggedFailure::failure).isEqualTo(renamed.get(2));
            // An id of a's form stored in another run would clash with a's derived id: refused too.
            Telco.Scored c = Telco.scan(RunIds.next(), 900, 200, 5);
            List<Failure> borrowing = new ArrayList<>(c.failures());
            borrowing.set(0, withId(borrowing.get(0), a.run().id() + "-2"));
            assertThatThrownBy(() -> log.complete(c.run(), c.predictions(), borrowing)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("failure id " + a.run().id() + "-2 is given to two failures");
            // ... and so is a run whose derived id another run already stored.
            Telco.Scored later = Telco.scan(RunIds.next(), 1200, 200, 6);
            borrowing.set(0, withId(borrowing.get(0), later.run().id() + "-1"));
            log.complete(c.run(), c.predictions(), borrowing);
            assertThatThrownBy(() -> log.complete(later.run(), later.predictions(), later.failures()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("failure id " + later.run().id() + "-1 is given to two failures");
            assertThat(log.failure(later.run().id() + "-1")).get().extracting(f -> f.failure().runId()).isEqualTo(c.run().id());
        }
    }

    private static Failure withId(Failure f, String id) {
        return new Failure(id, f.runId(), f.rowKey(), f.origin(), f.input(), f.expected(), f.predicted(), f.probabilities(),
                f.prediction(), f.confidence(), f.loss(), f.causeTags(), f.fingerprint());
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void completesARunThatWasNeverBegun(Database db) {
        Telco.Scored scored = Telco.scan(RunIds.next(), 5000, 100, 9);
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            log.complete(scored.run(), scored.predictions(), scored.failures());
            assertThat(log.runs()).containsExactly(scored.run());
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void keepsNaNInfinityAndMissingNumbers(Database db) throws Exception {
        String id = RunIds.next();
        Instant now = Instant.now();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("rmse", 12.5);
        metrics.put("r2", Double.NaN);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("tenure", 0.0);
        input.put("total_charges", null);
        input.put("ratio", Double.POSITIVE_INFINITY);
        input.put("contract", "Two year");
        input.put("senior", false);
        Run run = new Run(id, "probe", now, now.plusNanos(123_456_789), RunStatus.COMPLETE, Task.REGRESSION,
                "monthly_charges", List.of(), "builtin:gbm", "m", null, "telco_churn.csv", "d", metrics, 2, 1,
                new Provenance("0.1.0", "17", "Linux", -3, "d", "m", Map.of("password", "***"), now));
        List<PredictionRecord> predictions = List.of(
                new PredictionRecord("a", "20.25", "NaN", new double[0], Double.NaN, Double.NaN, true),
                new PredictionRecord("b", "52.55", "50", new double[0], 50.0, 2.55, false));
        Map<String, Object> perturbed = new LinkedHashMap<>(input);
        perturbed.put("tenure", 3.5);
        perturbed.put("contract", null);
        Perturbation change = new Perturbation(Map.of("level", "0.5", "changed", "tenure,contract"), perturbed);
        Failure failure = new Failure(id + "-1", id, "a", "probe:noise", input, "20.25", "NaN", Map.of(), null, null,
                Double.NaN, List.of("perturbation_sensitive", "out_of_distribution"), "f", change);
        // Read back from the wide row: a NaN and a missing value are both NULL there.
        Map<String, Object> gaps = new LinkedHashMap<>(input);
        gaps.put("tenure", Double.NaN);
        gaps.put("contract", "true");
        // Kept as JSON: an integer, a list and -0.0, which the wide row would turn into a double, a
        // text and 0.0.
        Map<String, Object> event = new LinkedHashMap<>(input);
        event.put("tenure", 7);
        event.put("contract", List.of("a", 2.5));
        event.put("ratio", -0.0);
        Failure second = new Failure(id + "-2", id, "b", "production", gaps, "50", "52.55", Map.of(), 52.55, null, 2.55,
                List.of(), "g");
        Failure third = new Failure(id + "-3", id, "c", "production", event, "50", "52.55", Map.of(), 52.55, null, 2.55,
                List.of(), "h");
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            log.complete(run, predictions, List.of(failure, second, third));
            assertThat(log.run(id)).get().isEqualTo(run);
            List<PredictionRecord> stored = log.predictions(id);
            // NaN is stored as "no number": an optional prediction reads back as null, a loss as NaN.
            assertThat(stored.get(0).prediction()).isNull();
            assertThat(stored.get(0).loss()).isNaN();
            assertSamePredictions(stored.subList(1, 2), predictions.subList(1, 2));
            Failure back = log.failures(FailureFilter.all()).get(0);
            assertThat(back).isEqualTo(failure);
            assertSameValues(back, failure);
            assertThat(back.perturbation().perturbedInput().keySet()).containsExactlyElementsOf(perturbed.keySet());
            perturbed.forEach((k, v) -> assertThat(type(back.perturbation().perturbedInput().get(k))).as(k).isEqualTo(type(v)));
            // the search behind log list reads the same columns
            assertThat(log.find(FailureFilter.all()).get(0).failure()).isEqualTo(failure);
            List<Failure> all = log.failures(FailureFilter.all());
            assertThat(all).containsExactly(failure, second, third);
            gaps.forEach((k, v) -> assertThat(type(all.get(1).input().get(k))).as(k).isEqualTo(type(v)));
            assertThat(all.get(2).input().get("tenure")).isEqualTo(7);
            assertThat(all.get(2).input().get("ratio")).isEqualTo(-0.0);
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(StoreLocation.parse(place.location()).jdbcUrl());
                 java.sql.ResultSet r = c.createStatement().executeQuery(
                         "SELECT input IS NULL, input_types FROM failures ORDER BY seq")) {
                List<String> rows = new ArrayList<>();
                while (r.next()) {
                    rows.add(r.getBoolean(1) + " " + r.getString(2));
                }
                assertThat(rows).containsExactly("true d0dsb", "true x0dsb", "false null");
            }
            for (Failure f : List.of(second, third)) {
                assertThat(log.failure(f.id())).get().extracting(LoggedFailure::failure).isEqualTo(f);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void stores100kPredictionsInOneGo(Database db) {
        Telco.Scored scored = Telco.scan(RunIds.next(), 0, 100_000, 42);
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            log.begin(scored.started());
            log.complete(scored.run(), scored.predictions(), scored.failures());
            assertSamePredictions(log.predictions(scored.run().id()), scored.predictions());
            assertThat(log.count(FailureFilter.ofRun(scored.run().id()))).isEqualTo(scored.failures().size());
        }
    }

    /** Record equality compares arrays by identity, so predictions are compared field by field. */
    static void assertSamePredictions(List<PredictionRecord> actual, List<PredictionRecord> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            PredictionRecord a = actual.get(i);
            PredictionRecord e = expected.get(i);
            boolean same = Objects.equals(a.rowKey(), e.rowKey()) && Objects.equals(a.expected(), e.expected())
                    && Objects.equals(a.predicted(), e.predicted()) && Arrays.equals(a.probabilities(), e.probabilities())
                    && Objects.equals(a.prediction(), e.prediction()) && Double.compare(a.loss(), e.loss()) == 0
                    && a.failure() == e.failure();
            if (!same) {
                fail("prediction " + i + " differs: stored " + describe(a) + ", expected " + describe(e));
            }
        }
    }

    /** Equal maps could still differ in key order or number type (1 vs 1.0); these must not. */
    static void assertSameValues(Failure actual, Failure expected) {
        assertThat(actual.input().keySet()).containsExactlyElementsOf(expected.input().keySet());
        assertThat(actual.probabilities().keySet()).containsExactlyElementsOf(expected.probabilities().keySet());
        expected.input().forEach((k, v) -> assertThat(type(actual.input().get(k))).as(k).isEqualTo(type(v)));
    }

    private static Set<Class<?>> valueTypes(List<Failure> failures) {
        Set<Class<?>> types = new HashSet<>();
        failures.forEach(f -> f.input().values().forEach(v -> types.add(type(v))));
        return types;
    }

    private static Class<?> type(Object value) {
        return value == null ? null : value.getClass();
    }

    private static String describe(PredictionRecord p) {
        return p + Arrays.toString(p.probabilities());
    }
}
