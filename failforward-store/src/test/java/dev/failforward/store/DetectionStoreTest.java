package dev.failforward.store;

import dev.failforward.detect.DetectorReport;
import dev.failforward.detect.DetectorResult;
import dev.failforward.detect.Finding;
import dev.failforward.detect.Severity;
import dev.failforward.run.RunIds;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run's detector results and findings are stored, read back as the report renders them, replaced, purged with the run. */
class DetectionStoreTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Database.class)
    void storesReplacesReadsAndPurgesDetections(Database db) {
        Telco.Scored scored = Telco.scan(RunIds.next(), 300, 200, 3);
        String runId = scored.run().id();
        try (Database.Place place = db.fresh(dir)) {
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                log.complete(scored.run(), scored.predictions(), scored.failures());
                assertThat(log.detections(runId)).isEqualTo(DetectorReport.none());
                log.saveDetections(runId, report("first"));
                log.saveDetections(runId, report("<b>Month-to-month</b>"));
                assertThatThrownBy(() -> log.saveDetections("no-such-run", report("x")))
                        .isInstanceOf(StoreException.class).hasMessageContaining("no-such-run");
            }
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                DetectorReport stored = log.detections(runId);
                assertThat(stored.results()).extracting(DetectorResult::id).containsExactly("drift", "leakage");
                DetectorResult drift = stored.results().get(0);
                assertThat(drift.status()).isEqualTo(DetectorResult.Status.OK);
                assertThat(drift.millis()).isEqualTo(1234);
                // Arrays come back as lists of the same numbers; a NaN as null (JSON has no NaN).
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> features = (List<Map<String, Object>>) ((dev.failforward.detect.Measurements.Untyped) drift.measurements()).values().get("features");
                assertThat(features.get(0)).containsEntry("feature", "<b>Month-to-month</b>")
                        .containsEntry("edges", List.of(0.0, 0.5, 1.0)).containsEntry("counts", List.of(List.of(1, 2), List.of(3, 4)));
                assertThat(features.get(0)).containsEntry("p_value", null);
                assertThat(stored.results().get(1).status()).isEqualTo(DetectorResult.Status.ERROR);
                assertThat(stored.results().get(1).error()).isEqualTo("boom");
                assertThat(stored.findings()).singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.title()).isEqualTo("<b>Month-to-month</b> drifted");
                    assertThat(f.rows()).isEqualTo(2);
                    assertThat(f.rowKeys()).containsExactly("7", "11");
                    assertThat(f.causeTag()).isNull();
                    assertThat(f.evidence()).containsEntry("psi", 0.75);
                });
                assertThat(log.purge(List.of(runId))).isEqualTo(1);
                assertThat(log.detections(runId)).isEqualTo(DetectorReport.none());
            }
        }
    }

    private static DetectorReport report(String feature) {
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("feature", feature);
        measured.put("edges", new double[] {0, 0.5, 1});
        measured.put("counts", new long[][] {{1, 2}, {3, 4}});
        measured.put("p_value", Double.NaN);
        return new DetectorReport(
                List.of(new DetectorResult("drift", DetectorResult.Status.OK, null,
                        new dev.failforward.detect.Measurements.Untyped(Map.of("features", List.of(measured))), 1234),
                        new DetectorResult("leakage", DetectorResult.Status.ERROR, "boom", dev.failforward.detect.Measurements.Untyped.NONE, 5)),
                List.of(new Finding("drift", Severity.CRITICAL, feature + " drifted", 2, List.of("7", "11"), null,
                        Map.of("psi", 0.75))));
    }
}
