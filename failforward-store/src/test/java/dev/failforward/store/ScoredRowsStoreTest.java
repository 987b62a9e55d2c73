package dev.failforward.store;

import dev.failforward.failure.PredictionRecord;
import dev.failforward.failure.ScoredRow;
import dev.failforward.run.RunIds;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows an incomplete run has scored are kept across reopening, read back exactly by position, never
 * twice, and go when the run is completed (its predictions take their place) or purged.
 */
class ScoredRowsStoreTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Database.class)
    void keepsScoredRowsOfAnIncompleteRunUntilItCompletes(Database db) {
        Telco.Scored scored = Telco.scan(RunIds.next(), 100, 300, 5);
        String runId = scored.run().id();
        List<PredictionRecord> all = scored.predictions();
        // Batches finish out of order: rows 200..299 first, then 0..99.
        List<ScoredRow> late = rows(all, 200, 300);
        List<ScoredRow> early = rows(all, 0, 100);
        try (Database.Place place = db.fresh(dir)) {
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                log.begin(scored.started());
                log.saveProgress(runId, late);
                log.saveProgress(runId, early);
                assertThatThrownBy(() -> log.saveProgress(runId, rows(all, 50, 51))).isInstanceOf(StoreException.class)
                        .hasMessageContaining(runId);
                assertThatThrownBy(() -> log.saveProgress("no-such-run", early)).isInstanceOf(StoreException.class)
                        .hasMessageContaining("no such run");
            }
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                List<ScoredRow> kept = log.progress(runId);
                List<ScoredRow> expected = new ArrayList<>(early);
                expected.addAll(late);
                assertThat(kept).containsExactlyElementsOf(expected);
                assertThat(kept.stream().filter(r -> r.prediction().failure()).count())
                        .isEqualTo(expected.stream().filter(r -> r.prediction().failure()).count()).isPositive();
                assertThat(log.predictions(runId)).isEmpty();

                log.complete(scored.run(), all, scored.failures());
                assertThat(log.progress(runId)).isEmpty();
                assertThat(log.predictions(runId)).containsExactlyElementsOf(all);
                assertThatThrownBy(() -> log.saveProgress(runId, early)).isInstanceOf(StoreException.class)
                        .hasMessageContaining("already complete");

                Telco.Scored other = Telco.scan(RunIds.next(), 500, 50, 6);
                log.begin(other.started());
                log.saveProgress(other.run().id(), rows(other.predictions(), 0, 20));
                assertThat(log.purge(List.of(other.run().id()))).isEqualTo(1);
                assertThat(log.progress(other.run().id())).isEmpty();
            }
        }
    }

    private static List<ScoredRow> rows(List<PredictionRecord> all, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new ScoredRow(i, all.get(i))).toList();
    }
}
