package dev.failforward.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.failure.Failure;
import dev.failforward.model.Task;
import dev.failforward.session.ScanResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FailureJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void classificationFailureHasExactlyTheFailureKeys() throws Exception {
        ScanResult r = Scans.titanic();
        Failure f = r.failures().get(0);
        String line = FailureJson.toJsonLine(f, r.run().task());

        assertThat(line).doesNotContain("\n").startsWith("{");
        JsonNode n = MAPPER.readTree(line);
        assertThat(JsonReportTest.fieldNames(n)).containsExactly("id", "run_id", "row_key", "origin", "input", "expected",
                "predicted", "probabilities", "confidence", "loss", "cause_tags", "fingerprint");
        assertThat(n.get("id").asText()).isEqualTo(f.id());
        assertThat(n.get("row_key").asText()).isEqualTo(f.rowKey());
        assertThat(n.get("origin").asText()).isEqualTo("holdout");
        assertThat(n.get("expected").asText()).isEqualTo(f.expected());
        assertThat(n.get("predicted").asText()).isEqualTo(f.predicted());
        assertThat(n.get("probabilities").get(f.predicted()).asDouble()).isEqualTo(f.probabilities().get(f.predicted()));
        assertThat(n.get("confidence").asDouble()).isEqualTo(f.confidence());
        assertThat(n.get("fingerprint").asText()).isEqualTo(f.fingerprint());
        assertThat(JsonReportTest.fieldNames(n.get("input"))).containsExactlyElementsOf(f.input().keySet());
        assertThat(n.get("input").get("name").isTextual()).isTrue();
        assertThat(n.get("input").get("pclass").isIntegralNumber()).isTrue();
    }

    @Test
    void missingInputsAreNullAndTagsAreAnArray() throws Exception {
        ScanResult r = Scans.titanic();
        Failure withMissing = r.failures().stream().filter(f -> f.input().get("body") == null).findFirst().orElseThrow();
        JsonNode n = FailureJson.toJson(withMissing, Task.BINARY_CLASSIFICATION);
        assertThat(n.get("input").get("body").isNull()).isTrue();
        assertThat(n.get("cause_tags").isArray()).isTrue();

        Failure overconfident = r.failures().stream().filter(f -> f.causeTags().contains("overconfident")).findFirst().orElse(null);
        if (overconfident != null) {
            assertThat(FailureJson.toJson(overconfident, Task.BINARY_CLASSIFICATION).get("cause_tags").get(0).asText())
                    .isEqualTo("overconfident");
        }
    }

    @Test
    void regressionFailureWritesNumbers() {
        ScanResult r = Scans.ames();
        Failure f = r.failures().get(0);
        JsonNode n = FailureJson.toJson(f, Task.REGRESSION);
        assertThat(JsonReportTest.fieldNames(n)).containsExactly("id", "run_id", "row_key", "origin", "input", "expected",
                "predicted", "prediction", "confidence", "loss", "cause_tags", "fingerprint");
        assertThat(n.get("expected").isNumber()).isTrue();
        assertThat(n.get("expected").asDouble()).isEqualTo(Double.parseDouble(f.expected()));
        assertThat(n.get("prediction").asDouble()).isEqualTo(f.prediction());
        assertThat(n.get("confidence").isNull()).isTrue();
    }

    @Test
    void valuesAStoreGivesBackAreWrittenAsTheyAre() {
        Failure f = new Failure("r-1", "r", "7", "probe:noise", Map.of("n", 3L, "ok", true, "x", Double.NaN),
                "a", "b", Map.of("a", 0.2, "b", 0.8), null, 0.8, 1.6, List.of("perturbation-sensitive"), "fp");
        JsonNode n = FailureJson.toJson(f, Task.BINARY_CLASSIFICATION);
        assertThat(n.get("input").get("n").asLong()).isEqualTo(3);
        assertThat(n.get("input").get("ok").asBoolean()).isTrue();
        assertThat(n.get("input").get("x").isNull()).isTrue();
        assertThat(n.get("origin").asText()).isEqualTo("probe:noise");
    }
}
