package dev.failforward.detect;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.failforward.scan.ScanData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Detector results and findings survive their JSON form typed, and what earlier versions wrote still reads. */
class DetectionJsonTest {

    /** How the failure log reads its JSON text: NaN tokens allowed, as earlier versions wrote them. */
    private static final ObjectMapper TEXT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @Test
    void everyDetectorsMeasurementsReadBackAsTheirRecord() throws Exception {
        ScanData data = Planted.prepared("telco_churn.csv", "churn");
        DetectorContext context = Planted.context(data, "test:logistic", Planted.trainer("test:logistic"));
        DetectorReport report = DetectorRunner.run(Detectors.all(), context);
        assertThat(report.results()).extracting(DetectorResult::id)
                .containsExactlyElementsOf(Detectors.all().stream().map(Detector::id).toList());
        for (DetectorResult result : report.results()) {
            assertThat(result.status()).as(result.id() + ": " + result.error()).isEqualTo(DetectorResult.Status.OK);
            assertThat(result.measurements()).isInstanceOf(Detectors.all().stream().filter(d -> d.id().equals(result.id()))
                    .findFirst().orElseThrow().measurementType());
            DetectorResult back = DetectionJson.result(reread(DetectionJson.result(result)));
            assertThat(back).as(result.id()).isEqualTo(result);
        }
        assertThat(report.findings()).isNotEmpty();
        for (Finding f : report.findings()) {
            JsonNode written = DetectionJson.finding(f, DetectionJson.ALL_ROW_KEYS);
            Finding back = DetectionJson.finding(reread(written));
            assertThat(back.rowKeys()).isEqualTo(f.rowKeys());
            assertThat(DetectionJson.finding(back, DetectionJson.ALL_ROW_KEYS)).isEqualTo(written);
        }
    }

    @Test
    void aNumberJsonCannotHoldIsWrittenAsNullAndReadBackAsNaN() throws Exception {
        WeakSliceMeasurements.SliceRow row = new WeakSliceMeasurements.SliceRow("a = 1", List.of("a = 1"), 10, 4, 0.4,
                Double.POSITIVE_INFINITY, 0.2, Double.NaN, 1.0, 1, List.of());
        DetectorResult result = new DetectorResult(WeakSliceDetector.ID, DetectorResult.Status.OK, null,
                new WeakSliceMeasurements(100, 0.0, 10, 2, 7, 3, List.of(row)), 12);
        JsonNode written = DetectionJson.result(result);
        assertThat(written.at("/measurements/slices/0/p_value").isNull()).isTrue();
        assertThat(written.at("/measurements/slices/0/error_ratio").isNull()).isTrue();
        WeakSliceMeasurements back = (WeakSliceMeasurements) DetectionJson.result(reread(written)).measurements();
        assertThat(back.slices().get(0).pValue()).isNaN();
        assertThat(back.slices().get(0).errorRatio()).isNaN();
        assertThat(back.evaluated()).isEqualTo(7);
    }

    @Test
    void readsWhatEarlierVersionsWrote() throws Exception {
        // The form a failure log held before measurements had types: an explicit null error, keys since
        // dropped ("applicable"), NaN tokens, upper-case severities, a regression's "not applicable" map.
        DetectorResult calibration = DetectionJson.result(TEXT.readTree("""
                {"id":"calibration","status":"ok","error":null,"millis":5,"measurements":{"applicable":true,"rows":3,
                 "ece":0.125,"reliability":[{"lower":0.9,"upper":1.0,"mean_confidence":0.95,"accuracy":NaN,"count":3}],
                 "overconfident_failures":1,"slices":[]}}"""));
        CalibrationMeasurements m = (CalibrationMeasurements) calibration.measurements();
        assertThat(m.rows()).isEqualTo(3);
        assertThat(m.ece()).isEqualTo(0.125);
        assertThat(m.reliability()).singleElement().satisfies(b -> {
            assertThat(b.count()).isEqualTo(3);
            assertThat(b.accuracy()).isNaN();
        });
        assertThat(m.foldedSlices()).isNull();
        assertThat(calibration.error()).isNull();

        DetectorResult regression = DetectionJson.result(TEXT.readTree("""
                {"id":"label-issue","status":"ok","error":null,"millis":0,"measurements":{"applicable":false,
                 "reason":"label issues apply to classifiers; this is a regression task"}}"""));
        assertThat(regression.measurements()).isEqualTo(
                new Measurements.NotApplicable("label issues apply to classifiers; this is a regression task"));

        Finding finding = DetectionJson.finding(TEXT.readTree("""
                {"detector":"calibration","severity":"WARNING","title":"Confidence does not match accuracy","rows":3,
                 "row_keys":["1","2"],"cause_tag":null,"evidence":{"ece":NaN,"share":0.5}}"""));
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.causeTag()).isNull();
        assertThat(finding.rowKeys()).containsExactly("1", "2");
        assertThat(finding.evidence()).containsEntry("share", 0.5);
    }

    @Test
    void aDetectorNoLongerRegisteredKeepsItsMeasurementsUntyped() throws Exception {
        DetectorResult gone = DetectionJson.result(TEXT.readTree("""
                {"id":"retired-plugin","status":"ok","millis":1,"measurements":{"count":3,"names":["a","b"]}}"""));
        assertThat(gone.measurements()).isEqualTo(new Measurements.Untyped(Map.of("count", 3, "names", List.of("a", "b"))));
        assertThat(DetectionJson.result(gone).path("measurements").path("names").get(1).asText()).isEqualTo("b");
    }

    @Test
    void aFailedDetectorHasNoMeasurementsAndKeepsItsError() throws Exception {
        DetectorResult failed = new DetectorResult(LeakageDetector.ID, DetectorResult.Status.ERROR, "boom",
                Measurements.Untyped.NONE, 3);
        assertThat(DetectionJson.result(reread(DetectionJson.result(failed)))).isEqualTo(failed);
    }

    /** The node as the failure log keeps it: written as text, read back. */
    private static JsonNode reread(JsonNode node) throws Exception {
        return TEXT.readTree(TEXT.writeValueAsString(node));
    }
}
