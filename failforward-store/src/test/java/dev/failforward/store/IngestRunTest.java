package dev.failforward.store;

import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.IngestResult;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.failure.ProductionEvent;
import dev.failforward.failure.Redaction;
import dev.failforward.failure.RunValues;
import dev.failforward.model.Task;
import dev.failforward.run.Run;
import dev.failforward.run.RunHeader;
import dev.failforward.run.RunIds;
import dev.failforward.run.RunStatus;
import dev.failforward.session.Ingest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An ingest is a run like any other: begun, judged by the session, and completed with its events marked, or not at all. */
class IngestRunTest {

    @TempDir
    Path dir;

    private static List<ProductionEvent> pairs(int n, String prefix) {
        List<ProductionEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String predicted = i % 2 == 0 ? "Yes" : "No";
            String actual = i % 5 == 0 ? (predicted.equals("Yes") ? "No" : "Yes") : predicted;
            out.add(new ProductionEvent(prefix + i, "2026-11-01T00:00:" + String.format("%02d", i) + "Z", "churn-v1",
                    Map.of("tenure", (double) i, "contract", "Two year"), predicted,
                    Map.of("Yes", predicted.equals("Yes") ? 0.93 : 0.3, "No", predicted.equals("Yes") ? 0.07 : 0.7), actual));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aCompletionThatFailsLeavesNeitherTheRunNorTheMarks(Database db) {
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            List<ProductionEvent> events = pairs(20, "e");
            assertThat(log.store(events)).isEqualTo(new IngestResult(20, 20, 0, 0, 0, null));
            List<ProductionEvent> waiting = log.unjudged();
            assertThat(waiting).extracting(ProductionEvent::id).containsExactlyElementsOf(events.stream().map(ProductionEvent::id).toList());

            // A run whose completion names an event that is not waiting (here: none such) stores nothing.
            Run begun = RunHeader.of(Ingest.KIND, Task.BINARY_CLASSIFICATION, null, List.of("No", "Yes")).begin(RunIds.next(), Instant.now());
            log.begin(begun);
            List<PredictionRecord> predictions = waiting.stream().map(e -> new PredictionRecord(e.id(), e.outcome(), e.prediction(),
                    new double[0], null, Double.NaN, !e.prediction().equals(e.outcome()))).toList();
            List<String> ids = new ArrayList<>(waiting.stream().map(ProductionEvent::id).toList());
            ids.add("not-an-event");
            Run done = begun.completed(Instant.now(), Map.of(), predictions.size(), 0);
            assertThatThrownBy(() -> log.completeJudged(done, predictions, List.of(), RunValues.none(), ids))
                    .isInstanceOf(StoreException.class);
            assertThat(log.run(begun.id())).get().extracting(Run::status).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(log.predictions(begun.id())).isEmpty();
            assertThat(log.unjudged()).hasSize(20);
            assertThat(log.judgedEvents()).isEmpty();

            // The next ingest judges them, once; a second completion of the same events is refused.
            IngestResult next = Ingest.run(log, "outcomes.jsonl", List.of());
            assertThat(next.judged()).isEqualTo(20);
            assertThat(next.failures()).isEqualTo(4);
            assertThat(log.unjudged()).isEmpty();
            assertThat(log.judgedEvents()).hasSize(20);
            assertThat(log.count(FailureFilter.ofRun(next.runId()))).isEqualTo(4);
            assertThat(log.failures(FailureFilter.ofRun(next.runId()))).allSatisfy(f -> {
                assertThat(f.origin()).isEqualTo(Ingest.ORIGIN);
                assertThat(f.causeTags()).isEqualTo(f.confidence() >= 0.9 ? List.of("overconfident") : List.of());
            });
            Run again = RunHeader.of(Ingest.KIND, Task.BINARY_CLASSIFICATION, null, List.of("No", "Yes")).begin(RunIds.next(), Instant.now());
            log.begin(again);
            assertThatThrownBy(() -> log.completeJudged(again.completed(Instant.now(), Map.of(), predictions.size(), 0),
                    predictions, List.of(), RunValues.none(), ids.subList(0, 20)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("not waiting to be judged");
            assertThat(log.predictions(again.id())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void pairsOfOneLabelWithoutProbabilitiesMakeARun(Database db) {
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            IngestResult r = Ingest.run(log, "events.jsonl", List.of(
                    new ProductionEvent("a", "2026-11-01T00:00:00Z", null, Map.of("x", 1.0), "Yes", Map.of(), "Yes"),
                    new ProductionEvent("b", "2026-11-01T00:00:01Z", null, Map.of("x", 2.0), "Yes", Map.of(), "Yes")));
            assertThat(r).isEqualTo(new IngestResult(2, 2, 0, 2, 0, r.runId()));
            Run run = log.run(r.runId()).orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(run.kind()).isEqualTo(Ingest.KIND);
            assertThat(run.classes()).containsExactly("Yes");
            assertThat(run.data()).isEqualTo("events.jsonl");
            assertThat(run.metrics()).containsEntry("accuracy", 1.0);
            assertThat(log.predictions(run.id())).extracting(PredictionRecord::rowKey).containsExactly("a", "b");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void judgedPairsAreNotRedactedTwiceAndKeepTheirEventIds(Database db) {
        Redaction redaction = Redaction.of("sixteen bytes or more of key".getBytes(StandardCharsets.UTF_8), List.of("contract"))
                .withRowKeys();
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location(), redaction)) {
            IngestResult r = Ingest.run(log, "events.jsonl", pairs(10, "e"));
            assertThat(log.predictions(r.runId())).extracting(PredictionRecord::rowKey).allMatch(k -> k.startsWith("e"));
            assertThat(log.failures(FailureFilter.ofRun(r.runId()))).hasSize(r.failures()).allSatisfy(f -> {
                assertThat(f.rowKey()).startsWith("e");
                assertThat(f.input()).containsEntry("contract", redaction.hash("Two year"));
            });
            assertThat(log.judgedEvents()).allSatisfy(e -> assertThat(e.features()).containsEntry("contract", redaction.hash("Two year")));
        }
    }
}
