package dev.failforward.store;

import dev.failforward.explain.Attribution;
import dev.failforward.explain.Explanation;
import dev.failforward.explain.Fidelity;
import dev.failforward.failure.Failure;
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

/** Attributions are stored with a run's failures, read back exactly, replaced per method, and refused for unknown failures. */
class AttributionStoreTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Database.class)
    void storesReplacesAndReadsAttributions(Database db) {
        Telco.Scored scored = Telco.scan(RunIds.next(), 300, 200, 3);
        List<Failure> failures = scored.failures();
        assertThat(failures).hasSizeGreaterThan(2);
        String runId = scored.run().id();
        try (Database.Place place = db.fresh(dir)) {
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                log.complete(scored.run(), scored.predictions(), failures);
                Map<String, Explanation> first = new LinkedHashMap<>();
                first.put(failures.get(0).id(), explanation("treeshap", 0.5, Double.NaN));
                first.put(failures.get(1).id(), explanation("treeshap", -1.25, 0.0));
                log.saveAttributions(runId, first);
                log.saveAttributions(runId, Map.of(failures.get(0).id(), explanation("lime", 2, 0.9)));
                // Explaining again with the same method replaces the earlier explanation.
                log.saveAttributions(runId, Map.of(failures.get(1).id(), explanation("treeshap", 3, 1e-9)));
            }
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                List<Explanation> a = log.attributions(failures.get(0).id());
                assertThat(a).extracting(Explanation::method).containsExactly("lime", "treeshap");
                assertThat(a.get(1)).usingRecursiveComparison().isEqualTo(explanation("treeshap", 0.5, Double.NaN));
                assertThat(log.attributions(failures.get(1).id())).singleElement()
                        .usingRecursiveComparison().isEqualTo(explanation("treeshap", 3, 1e-9));
                assertThat(log.attributions(failures.get(2).id())).isEmpty();
                assertThat(log.attributionsOfRun(runId)).containsOnlyKeys(failures.get(0).id(), failures.get(1).id());

                assertThatThrownBy(() -> log.saveAttributions(runId, Map.of("no-such-failure", explanation("lime", 1, 1))))
                        .isInstanceOf(StoreException.class).hasMessageContaining("no-such-failure");
                assertThat(log.attributionsOfRun(runId).get(failures.get(0).id())).hasSize(2);
            }
        }
    }

    private static Explanation explanation(String method, double scale, double gap) {
        return new Explanation(method, "yes", "margin", -0.75 * scale, 1.5 * scale,
                List.of(new Attribution("tenure", 2 * scale), new Attribution("contract \"x\" <b>", -0.25 * scale)),
                Double.isNaN(gap) ? Fidelity.r2(0.8) : Fidelity.additivityGap(gap));
    }
}
