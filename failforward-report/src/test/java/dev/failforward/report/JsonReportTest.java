package dev.failforward.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.failure.Failure;
import dev.failforward.metric.Evaluation;
import dev.failforward.session.ScanResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JsonReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode parse(ScanResult r) throws Exception {
        return MAPPER.readTree(new JsonReport().render(r));
    }

    @Test
    void binaryReportAgreesWithTheResult() throws Exception {
        ScanResult r = Scans.telco();
        JsonNode d = parse(r);

        assertThat(d.get("schema_version").asInt()).isEqualTo(1);
        assertThat(fieldNames(d)).containsAll(List.of("schema_version", "run", "task", "target", "classes", "metrics",
                "per_class", "confusion_matrix", "roc_curve", "calibration", "failures", "provenance"));
        JsonNode run = d.get("run");
        assertThat(fieldNames(run)).containsAll(List.of("id", "kind", "status", "started_at", "finished_at", "model",
                "model_fingerprint", "model_path", "data", "data_fingerprint"));
        assertThat(run.get("id").asText()).isEqualTo(r.run().id());
        assertThat(run.get("status").asText()).isEqualTo("complete");
        assertThat(run.get("model").asText()).isEqualTo("rule:telco");
        assertThat(run.get("model_path").isNull()).isTrue();
        assertThat(run.get("started_at").asText()).isEqualTo(r.run().startedAt().toString());
        assertThat(d.get("task").asText()).isEqualTo("binary_classification");
        assertThat(d.get("target").asText()).isEqualTo("churn");
        assertThat(MAPPER.convertValue(d.get("classes"), List.class)).isEqualTo(List.of("No", "Yes"));

        double auc = r.evaluation().metric("roc_auc");
        assertThat(auc).isGreaterThan(0.75);
        assertThat(d.get("metrics").get("roc_auc").asDouble()).isEqualTo(auc);
        assertThat(fieldNames(d.get("metrics"))).containsExactlyElementsOf(r.evaluation().metrics().keySet());

        long[][] confusion = r.evaluation().confusion();
        for (int t = 0; t < 2; t++) {
            for (int p = 0; p < 2; p++) {
                assertThat(d.get("confusion_matrix").get(t).get(p).asLong()).isEqualTo(confusion[t][p]);
            }
        }
        assertThat(d.get("per_class")).hasSize(2);
        assertThat(d.get("per_class").get(1).get("label").asText()).isEqualTo("Yes");
        assertThat(d.get("per_class").get(1).get("support").asLong()).isEqualTo(r.evaluation().perClass().get(1).support());
        assertThat(d.get("roc_curve")).hasSize(r.evaluation().roc().size());
        assertThat(d.get("roc_curve").get(0).get("fpr").asDouble()).isZero();
        assertThat(d.get("calibration")).hasSize(r.evaluation().calibration().size());
        assertThat(fieldNames(d.get("calibration").get(0))).containsExactly("lower", "upper", "mean_predicted", "observed_rate", "count");
    }

    @Test
    void failuresHoldTheCountTheOriginsAndTheTwentyWorst() throws Exception {
        ScanResult r = Scans.telco();
        JsonNode f = parse(r).get("failures");

        assertThat(r.failures()).hasSizeGreaterThan(20);
        assertThat(f.get("count").asInt()).isEqualTo(r.failures().size());
        assertThat(f.get("by_origin").get("holdout").asInt()).isEqualTo(r.failures().size());
        JsonNode worst = f.get("worst");
        assertThat(worst).hasSize(20);
        double maxLoss = r.failures().stream().mapToDouble(Failure::loss).max().orElseThrow();
        assertThat(worst.get(0).get("loss").asDouble()).isEqualTo(maxLoss);
        for (int i = 1; i < worst.size(); i++) {
            assertThat(worst.get(i).get("loss").asDouble()).isLessThanOrEqualTo(worst.get(i - 1).get("loss").asDouble());
        }
        List<Double> top = r.failures().stream().map(Failure::loss).sorted((a, b) -> Double.compare(b, a)).limit(20).toList();
        List<Double> written = new ArrayList<>();
        worst.forEach(w -> written.add(w.get("loss").asDouble()));
        assertThat(written).isEqualTo(top);
        assertThat(fieldNames(worst.get(0))).containsExactly("id", "run_id", "row_key", "origin", "input", "expected",
                "predicted", "probabilities", "confidence", "loss", "cause_tags", "fingerprint");
        assertThat(worst.get(0).get("run_id").asText()).isEqualTo(r.run().id());
    }

    @Test
    void multiclassHasAFullConfusionMatrixAndNoRocCurve() throws Exception {
        ScanResult r = Scans.iris();
        JsonNode d = parse(r);
        assertThat(d.get("task").asText()).isEqualTo("multiclass_classification");
        assertThat(d.get("classes")).hasSize(3);
        assertThat(d.get("confusion_matrix")).hasSize(3);
        long total = 0;
        for (JsonNode row : d.get("confusion_matrix")) {
            assertThat(row).hasSize(3);
            for (JsonNode v : row) {
                total += v.asLong();
            }
        }
        assertThat(total).isEqualTo(r.predictions().size());
        assertThat(d.get("roc_curve")).isEmpty();
        assertThat(d.get("metrics").get("f1_macro").asDouble()).isEqualTo(r.evaluation().metric("f1_macro"));
    }

    @Test
    void regressionWritesNumbersAndNoClassParts() throws Exception {
        ScanResult r = Scans.ames();
        JsonNode d = parse(r);
        assertThat(d.get("task").asText()).isEqualTo("regression");
        assertThat(d.get("classes")).isEmpty();
        assertThat(d.get("confusion_matrix")).isEmpty();
        assertThat(d.get("metrics").get("rmse").asDouble()).isEqualTo(r.evaluation().metric("rmse"));
        assertThat(d.get("failures").get("count").asInt()).isEqualTo(r.failures().size()).isPositive();
        JsonNode w = d.get("failures").get("worst").get(0);
        assertThat(w.get("expected").isNumber()).isTrue();
        assertThat(w.get("prediction").isNumber()).isTrue();
        assertThat(w.get("predicted").isNumber()).isTrue();
        assertThat(w.has("probabilities")).isFalse();
        assertThat(w.get("confidence").isNull()).isTrue();
        assertThat(w.get("loss").asDouble()).isCloseTo(Math.abs(w.get("prediction").asDouble() - w.get("expected").asDouble()), within(1e-6));
    }

    @Test
    void numbersJsonCannotHoldAreNull() throws Exception {
        ScanResult r = Scans.iris();
        Map<String, Double> metrics = new LinkedHashMap<>(r.evaluation().metrics());
        metrics.put("roc_auc", Double.NaN);
        metrics.put("odd", Double.POSITIVE_INFINITY);
        Evaluation e = r.evaluation();
        ScanResult odd = new ScanResult(r.run(), new Evaluation(metrics, e.perClass(), e.confusion(), e.roc(), e.calibration()),
                r.predictions(), r.failures());
        JsonNode d = parse(odd);
        assertThat(d.get("metrics").get("roc_auc").isNull()).isTrue();
        assertThat(d.get("metrics").get("odd").isNull()).isTrue();
        assertThat(d.get("metrics").get("accuracy").isNumber()).isTrue();
    }

    @Test
    void provenanceIsComplete() throws Exception {
        ScanResult r = Scans.telco();
        JsonNode p = parse(r).get("provenance");
        assertThat(fieldNames(p)).containsAll(List.of("failforward_version", "java_version", "os", "seed",
                "data_fingerprint", "model_fingerprint", "options", "time"));
        assertThat(p.get("seed").asLong()).isEqualTo(42);
        assertThat(p.get("data_fingerprint").asText()).isEqualTo(r.run().dataFingerprint());
        assertThat(p.get("options").get("target").asText()).isEqualTo("churn");
    }

    @Test
    void sameResultGivesTheSameFile() {
        ScanResult r = Scans.iris();
        assertThat(new JsonReport().render(r)).isEqualTo(new JsonReport().render(r));
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
