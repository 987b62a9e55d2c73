package dev.failforward.store;

import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.failure.ProductionEvent;
import dev.failforward.failure.Redaction;
import dev.failforward.failure.RunValues;
import dev.failforward.failure.ValueCount;
import dev.failforward.run.RunIds;
import dev.failforward.session.Ingest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A log opened with a {@link Redaction} hashes everything it writes; what it reads back it never changes. */
class RedactionStoreTest {

    private static final byte[] KEY = "a key of at least sixteen bytes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void inputsRowKeysFingerprintsAndCountsAreStoredAsHashes() throws Exception {
        Telco.Scored scored = Telco.scan(RunIds.next(), 0, 400, 5);
        Redaction redaction = Redaction.of(KEY, List.of("contract")).withRowKeys();
        String file = dir.resolve("r.db").toString();
        try (JdbcFailureLog log = JdbcFailureLog.open(file, redaction)) {
            log.begin(scored.started());
            log.complete(scored.run(), scored.predictions(), scored.failures(),
                    RunValues.of(Telco.rows(0, 400), scored.predictions()));
            List<Failure> stored = log.failures(FailureFilter.ofRun(scored.run().id()));
            assertThat(stored).hasSameSizeAs(scored.failures());
            for (int i = 0; i < stored.size(); i++) {
                Failure clear = scored.failures().get(i);
                Failure f = stored.get(i);
                assertThat(f.rowKey()).isEqualTo(redaction.hash(clear.rowKey()));
                assertThat(f.input().get("contract")).isEqualTo(redaction.hash(clear.input().get("contract")));
                assertThat(f.input().get("tenure")).isEqualTo(clear.input().get("tenure"));
                assertThat(f.fingerprint()).isEqualTo(Fingerprints.failure(f.rowKey(), f.input(), f.origin(), Map.of()))
                        .isNotEqualTo(clear.fingerprint());
            }
            assertThat(log.predictions(scored.run().id())).extracting(PredictionRecord::rowKey)
                    .allMatch(k -> k.matches("hmac:[0-9a-f]{32}"));
            assertThat(log.rates(scored.run().id(), "contract").groups()).extracting(ValueCount::value)
                    .isNotEmpty().allMatch(v -> v == null || v.matches("hmac:[0-9a-f]{32}"));
            Ingest.run(log, "events.jsonl", List.of(new ProductionEvent("e1", "2026-11-01T00:00:00Z", "m",
                    Map.of("contract", "Two year", "tenure", 3.0), "Yes", Map.of(), "No")));
            Failure production = log.failures(FailureFilter.all()).stream().filter(f -> f.origin().equals("production"))
                    .findFirst().orElseThrow();
            assertThat(production.input()).containsEntry("contract", redaction.hash("Two year"));
        }
        for (String name : List.of(file, file + "-wal")) {
            if (Files.exists(Path.of(name))) {
                assertThat(new String(Files.readAllBytes(Path.of(name)), StandardCharsets.ISO_8859_1))
                        .doesNotContain("Month-to-month").doesNotContain("Two year");
            }
        }
    }

    @Test
    void hashingIsIdempotentAndNumbersHashAsTheyPrint() {
        Redaction redaction = Redaction.of(KEY, List.of("x"));
        String once = redaction.hash("Month-to-month");
        assertThat(redaction.hash(once)).isEqualTo(once);
        assertThat(redaction.hash(3.0)).isEqualTo(redaction.hash("3"));
        assertThat(Redaction.of("another key of sixteen+".getBytes(StandardCharsets.UTF_8), List.of("x")).hash("Month-to-month"))
                .isNotEqualTo(once);
    }
}
