package dev.failforward.store;

import dev.failforward.explain.AttributionContrast;
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

/** A run's attribution contrast is stored, read back exactly, replaced per method, purged with the run. */
class ContrastStoreTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Database.class)
    void storesReplacesReadsAndPurgesContrasts(Database db) {
        Telco.Scored scored = Telco.scan(RunIds.next(), 300, 200, 3);
        String runId = scored.run().id();
        try (Database.Place place = db.fresh(dir)) {
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                log.complete(scored.run(), scored.predictions(), scored.failures());
                assertThat(log.contrasts(runId)).isEmpty();
                log.saveContrast(runId, contrast("treeshap", 1));
                log.saveContrast(runId, contrast("lime", 2));
                log.saveContrast(runId, contrast("treeshap", 3));
                assertThatThrownBy(() -> log.saveContrast("no-such-run", contrast("lime", 1)))
                        .isInstanceOf(StoreException.class).hasMessageContaining("no-such-run");
            }
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                List<AttributionContrast> stored = log.contrasts(runId);
                assertThat(stored).extracting(AttributionContrast::method).containsExactly("lime", "treeshap");
                assertThat(stored.get(1)).usingRecursiveComparison().isEqualTo(contrast("treeshap", 3));
                assertThat(stored.get(1).slices()).singleElement().extracting(AttributionContrast.Group::slice)
                        .isEqualTo("Contract = Month-to-month <b> AND tenure < 6");
                assertThat(log.purge(List.of(runId))).isEqualTo(1);
                assertThat(log.contrasts(runId)).isEmpty();
            }
        }
    }

    private static AttributionContrast contrast(String method, double scale) {
        Map<String, Double> onFailures = new LinkedHashMap<>();
        onFailures.put("tenure", 0.5 * scale);
        onFailures.put("Contract", 0.25 * scale);
        Map<String, Double> onCorrect = new LinkedHashMap<>();
        onCorrect.put("tenure", 0.125 * scale);
        onCorrect.put("Contract", 0.375 * scale);
        return new AttributionContrast(method, "margin", List.of(
                new AttributionContrast.Group(null, 2000, 400, 40, 900, onFailures, onCorrect),
                new AttributionContrast.Group("Contract = Month-to-month <b> AND tenure < 6", 300, 150, 20, 60, onCorrect, onFailures)));
    }
}
