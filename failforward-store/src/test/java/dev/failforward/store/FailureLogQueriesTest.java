package dev.failforward.store;

import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.FailureSort;
import dev.failforward.failure.IngestResult;
import dev.failforward.failure.LoggedFailure;
import dev.failforward.failure.ProductionEvent;
import dev.failforward.failure.Recurrence;
import dev.failforward.failure.StatDimension;
import dev.failforward.failure.StatRow;
import dev.failforward.failure.TriageEvent;
import dev.failforward.failure.TriageStatus;
import dev.failforward.failure.WhereParser;
import dev.failforward.run.Run;
import dev.failforward.run.RunIds;
import dev.failforward.run.RunStatus;
import dev.failforward.session.Ingest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Filters, recurrence, triage, production ingest, resume, purge and statistics, the same on SQLite and PostgreSQL. */
class FailureLogQueriesTest {

    @TempDir
    Path dir;

    private static FailureFilter where(String condition) {
        return new FailureFilter(null, null, null, null, WhereParser.parse(condition), null, null, null, null);
    }

    private static List<String> ids(List<LoggedFailure> found) {
        return found.stream().map(f -> f.failure().id()).toList();
    }

    private static List<String> idsOf(List<Failure> failures, Predicate<Failure> keep) {
        return failures.stream().filter(keep).map(Failure::id).toList();
    }

    private static double number(Failure f, String column) {
        Object v = f.input().get(column);
        return v instanceof Double d ? d : Double.NaN;
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void whereFiltersMatchTheInputValuesExactly(Database db) {
        Telco.Scored scored = Telco.scan(RunIds.next(), 0, 1500, 3);
        List<Failure> all = scored.failures();
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            log.complete(scored.run(), scored.predictions(), all);

            assertThat(ids(log.find(where("contract = 'Month-to-month'"))))
                    .isNotEmpty().containsExactlyElementsOf(idsOf(all, f -> "Month-to-month".equals(f.input().get("contract"))));
            assertThat(ids(log.find(where("contract = 'Month-to-month' AND tenure > 3"))))
                    .isNotEmpty().containsExactlyElementsOf(idsOf(all, f -> "Month-to-month".equals(f.input().get("contract"))
                            && number(f, "tenure") > 3));
            assertThat(ids(log.find(where("(contract != 'Month-to-month' OR tenure <= 2) AND monthly_charges >= 70.5"))))
                    .isNotEmpty().containsExactlyElementsOf(idsOf(all, f -> (f.input().get("contract") != null
                            && !"Month-to-month".equals(f.input().get("contract")) || number(f, "tenure") <= 2)
                            && number(f, "monthly_charges") >= 70.5));
            assertThat(ids(log.find(where("partner = 'true'"))))
                    .isNotEmpty().containsExactlyElementsOf(idsOf(all, f -> Boolean.TRUE.equals(f.input().get("partner"))));
            // SQL in a value is a literal; in the structure it is a parse error.
            assertThat(log.find(where("contract = 'x'' OR ''1''=''1'"))).isEmpty();
            assertThat(log.find(where("\"contract'; DROP TABLE failures; --\" = 'x'"))).isEmpty();
            assertThatThrownBy(() -> WhereParser.parse("contract = 'x'; DROP TABLE failures")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("column 15");
            assertThat(log.count(FailureFilter.all())).isEqualTo(all.size());
            assertThat(log.count(where("contract = 'Month-to-month'")))
                    .isEqualTo(all.stream().filter(f -> "Month-to-month".equals(f.input().get("contract"))).count());
            // Counted in the input index (INTERSECT / UNION), the same as what is listed.
            for (String condition : List.of("(contract != 'Month-to-month' OR tenure <= 2) AND monthly_charges >= 70.5",
                    "contract = 'Two year' OR (tenure > 3 AND partner = 'true')", "tenure < 0")) {
                assertThat(log.count(where(condition))).as(condition).isEqualTo(log.find(where(condition)).size());
            }
            // A page is the first failures in order, whichever way the page is chosen.
            FailureFilter paged = new FailureFilter(null, null, null, null, WhereParser.parse("monthly_charges >= 50"), null, null,
                    FailureSort.LOSS, 7);
            assertThat(ids(log.find(paged))).containsExactlyElementsOf(ids(log.find(paged.withLimit(null))).subList(0, 7));
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void sortsByLossAndConfidenceAndFiltersByConfidenceOriginAndCause(Database db) {
        Telco.Scored scored = Telco.scan(RunIds.next(), 2000, 800, 8);
        List<Failure> all = scored.failures();
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            log.complete(scored.run(), scored.predictions(), all);
            List<LoggedFailure> byLoss = log.find(new FailureFilter(null, null, null, null, null, null, null, FailureSort.LOSS, 10));
            assertThat(byLoss.stream().map(f -> f.failure().loss()).toList())
                    .isSortedAccordingTo(Comparator.reverseOrder())
                    .first().isEqualTo(all.stream().mapToDouble(Failure::loss).max().orElseThrow());
            List<LoggedFailure> confident = log.find(new FailureFilter(null, null, null, null, null, 0.9, null, FailureSort.CONFIDENCE, null));
            assertThat(ids(confident)).containsExactlyInAnyOrderElementsOf(idsOf(all, f -> f.confidence() >= 0.9));
            assertThat(ids(log.find(new FailureFilter(null, null, null, "overconfident", null, null, null, null, null))))
                    .containsExactlyElementsOf(idsOf(all, f -> f.causeTags().contains("overconfident")));
            assertThat(log.find(new FailureFilter(null, null, null, null, null, null, "holdout", null, null))).hasSize(all.size());
            assertThat(log.find(new FailureFilter(null, null, null, null, null, null, "probe:*", null, null))).isEmpty();
            assertThat(log.find(new FailureFilter(null, null, null, "over%", null, null, null, null, null))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void recurrenceAndTriageFollowTheFingerprint(Database db) {
        Instant start = Instant.now().minusSeconds(60);
        Telco.Scored first = Telco.scan(RunIds.at(start), 0, 600, 4);
        Telco.Scored second = Telco.scan(RunIds.at(start.plusSeconds(1)), 300, 600, 4);
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            log.complete(first.run(), first.predictions(), first.failures());
            log.complete(second.run(), second.predictions(), second.failures());
            List<String> earlier = first.failures().stream().map(Failure::fingerprint).toList();
            List<String> recurring = idsOf(second.failures(), f -> earlier.contains(f.fingerprint()));
            assertThat(recurring).isNotEmpty();
            assertThat(ids(log.find(new FailureFilter(second.run().id(), Recurrence.RECURRING, null, null, null, null, null, null, null))))
                    .containsExactlyElementsOf(recurring);
            assertThat(log.find(FailureFilter.ofRun(first.run().id()))).allMatch(f -> f.recurrence() == Recurrence.NEW);

            Failure old = first.failures().stream().filter(f -> recurring.contains(second.failures().stream()
                    .filter(s -> s.fingerprint().equals(f.fingerprint())).findFirst().map(Failure::id).orElse(""))).findFirst().orElseThrow();
            Instant t = Instant.parse("2026-11-28T10:00:00.123456789Z");
            log.triage(new TriageEvent(old.id(), old.fingerprint(), TriageStatus.TRIAGED, "label_noise", "looks mislabelled", "ana", t));
            log.triage(new TriageEvent(old.id(), old.fingerprint(), TriageStatus.WONT_FIX, null, "known; customer exception", "bo", t.plusSeconds(5)));
            assertThat(log.triageHistory(old.fingerprint())).extracting(TriageEvent::who, TriageEvent::status, TriageEvent::at)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ana", TriageStatus.TRIAGED, t),
                            org.assertj.core.groups.Tuple.tuple("bo", TriageStatus.WONT_FIX, t.plusSeconds(5)));
            List<LoggedFailure> history = log.history(old.fingerprint());
            assertThat(history).extracting(f -> f.failure().runId()).containsExactly(first.run().id(), second.run().id());
            assertThat(history).allMatch(f -> f.triage() == TriageStatus.WONT_FIX);
            assertThat(history).extracting(LoggedFailure::recurrence).containsExactly(Recurrence.NEW, Recurrence.RECURRING);
            assertThat(log.find(new FailureFilter(null, null, TriageStatus.WONT_FIX, null, null, null, null, null, null))).hasSize(2);
            assertThat(log.count(new FailureFilter(null, null, TriageStatus.OPEN, null, null, null, null, null, null)))
                    .isEqualTo(first.failures().size() + second.failures().size() - 2);
            assertThat(log.find(new FailureFilter(null, null, null, "label_noise", null, null, null, null, null))).isEmpty();
            assertThat(log.failure(old.id())).get().extracting(f -> f.failure()).isEqualTo(old);
            assertThat(log.failure("nope")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void ingestPairsEventsInAnyOrderOnce(Database db) {
        List<ProductionEvent> predictions = new ArrayList<>();
        List<ProductionEvent> outcomes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String predicted = i % 3 == 0 ? "Yes" : "No";
            String actual = i % 7 == 0 ? (predicted.equals("Yes") ? "No" : "Yes") : predicted;
            predictions.add(new ProductionEvent("e" + i, "2026-11-01T00:00:00Z", "churn-v1",
                    Map.of("tenure", (double) (i % 70), "contract", i % 2 == 0 ? "Month-to-month" : "Two year"), predicted,
                    Map.of("Yes", predicted.equals("Yes") ? 0.95 : 0.2, "No", predicted.equals("Yes") ? 0.05 : 0.8), null));
            outcomes.add(new ProductionEvent("e" + i, null, null, null, null, null, actual));
        }
        long disagreeing = java.util.stream.IntStream.range(0, 300).filter(i -> i % 7 == 0).count();
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            // Half the outcomes come first, then all predictions, then the rest of the outcomes.
            IngestResult early = Ingest.run(log, "outcomes-1.jsonl", outcomes.subList(0, 150));
            assertThat(early).isEqualTo(new IngestResult(150, 150, 0, 0, 0, null));
            IngestResult preds = Ingest.run(log, "predictions.jsonl", predictions);
            assertThat(preds.judged()).isEqualTo(150);
            IngestResult late = Ingest.run(log, "outcomes-2.jsonl", outcomes.subList(150, 300));
            assertThat(late.judged()).isEqualTo(150);
            assertThat(preds.failures() + late.failures()).isEqualTo(disagreeing);

            assertThat(Ingest.run(log, "predictions.jsonl", predictions)).isEqualTo(new IngestResult(300, 0, 300, 0, 0, null));
            assertThat(Ingest.run(log, "outcomes.jsonl", outcomes)).isEqualTo(new IngestResult(300, 0, 300, 0, 0, null));

            List<LoggedFailure> production = log.find(new FailureFilter(null, null, null, null, null, null, "production", null, null));
            assertThat(production).hasSize((int) disagreeing);
            Failure f = production.get(0).failure();
            assertThat(f.expected()).isNotEqualTo(f.predicted());
            assertThat(f.input()).containsEntry("contract", "Month-to-month");
            assertThat(log.runs()).extracting(Run::kind).containsOnly("ingest");
            assertThat(log.runs()).extracting(Run::predictionCount).containsExactly(150, 150);
            assertThat(ids(log.find(where("tenure = 0")))).containsExactlyElementsOf(production.stream()
                    .filter(p -> Objects.equals(p.failure().input().get("tenure"), 0.0)).map(p -> p.failure().id()).toList());
            assertThat(production).anyMatch(p -> p.failure().causeTags().contains("overconfident"));
            // Every judged pair can be read back, the correct predictions too, with features and outcome.
            List<ProductionEvent> judged = log.judgedEvents();
            assertThat(judged).hasSize(300);
            assertThat(judged.stream().filter(e -> !e.prediction().equals(e.outcome())).count()).isEqualTo(disagreeing);
            assertThat(judged).allSatisfy(e -> assertThat(e.features()).containsKey("contract"));
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void resumesOnlyIncompleteRunsAndPurgesEverything(Database db) {
        Telco.Scored kept = Telco.scan(RunIds.at(Instant.now().minusSeconds(30)), 0, 400, 1);
        Telco.Scored killed = Telco.scan(RunIds.next(), 400, 400, 2);
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            log.complete(kept.run(), kept.predictions(), kept.failures());
            log.begin(killed.started());
            assertThat(log.resume(killed.run().id())).isEqualTo(killed.started());
            log.complete(killed.run(), killed.predictions(), killed.failures());
            assertThat(log.run(killed.run().id())).get().extracting(Run::status).isEqualTo(RunStatus.COMPLETE);
            assertThatThrownBy(() -> log.resume(killed.run().id())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("already complete");
            assertThatThrownBy(() -> log.resume("01NOPE")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no run");

            Failure f = killed.failures().get(0);
            log.triage(new TriageEvent(f.id(), f.fingerprint(), TriageStatus.FIXED, null, null, "ana", Instant.now()));
            assertThat(log.purge(List.of(killed.run().id()))).isEqualTo(1);
            assertThat(log.runs()).containsExactly(kept.run());
            assertThat(log.predictions(killed.run().id())).isEmpty();
            assertThat(log.count(FailureFilter.all())).isEqualTo(kept.failures().size());
            assertThat(log.stats(null, StatDimension.FEATURE, "contract").stream().mapToLong(StatRow::failures).sum())
                    .isEqualTo(kept.failures().stream().filter(k -> k.input().get("contract") != null).count());
            assertThat(log.triageHistory(f.fingerprint())).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void statsCountFailuresPerValueBinCauseOriginAndRun(Database db) {
        Telco.Scored scored = Telco.scan(RunIds.next(), 100, 1200, 6);
        List<Failure> all = scored.failures();
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            log.complete(scored.run(), scored.predictions(), all);
            List<StatRow> contract = log.stats(null, StatDimension.FEATURE, "contract");
            for (StatRow r : contract) {
                assertThat(r.failures()).as(r.group()).isEqualTo(all.stream().filter(f -> r.group().equals(f.input().get("contract"))).count());
            }
            List<StatRow> tenure = log.stats(scored.run().id(), StatDimension.FEATURE, "tenure");
            assertThat(tenure).hasSizeLessThanOrEqualTo(StatQueries.BINS + 1);
            assertThat(tenure.stream().mapToLong(StatRow::failures).sum()).isEqualTo(all.size());
            assertThat(log.stats(null, StatDimension.ORIGIN, null)).containsExactly(new StatRow("holdout", all.size(), null));
            assertThat(log.stats(null, StatDimension.CAUSE, null).stream().filter(r -> r.group().equals("overconfident"))
                    .findFirst().orElseThrow().failures()).isEqualTo(all.stream().filter(f -> f.causeTags().contains("overconfident")).count());
            assertThat(log.stats(null, StatDimension.RUN, null))
                    .containsExactly(new StatRow(scored.run().id(), all.size(), (long) scored.predictions().size()));
        }
    }
}
