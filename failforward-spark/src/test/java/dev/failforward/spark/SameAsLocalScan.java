package dev.failforward.spark;

import dev.failforward.detect.FeatureCodes;
import dev.failforward.detect.Slice;
import dev.failforward.detect.SliceSearch;
import dev.failforward.detect.WeakSliceMeasurements;
import dev.failforward.failure.Failure;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.metric.CalibrationBin;
import dev.failforward.session.ScanResult;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Assertions that a Spark scan's result equals a local scan's of the same model and rows. */
final class SameAsLocalScan {

    static final double RELATIVE = 1e-12;

    private SameAsLocalScan() {
    }

    static void assertSame(ScanResult spark, ScanResult local) {
        assertThat(spark.predictions()).hasSize(local.predictions().size());
        assertThat(spark.run().predictionCount()).isEqualTo(local.run().predictionCount());
        assertThat(spark.run().failureCount()).isEqualTo(local.run().failureCount());
        assertThat(spark.failures()).hasSize(local.failures().size());
        assertThat(spark.evaluation().confusion()).isDeepEqualTo(local.evaluation().confusion());
        assertThat(spark.evaluation().metrics().keySet()).containsExactlyElementsOf(local.evaluation().metrics().keySet());
        local.evaluation().metrics().forEach((name, value) ->
                assertThat(spark.evaluation().metric(name)).as(name).isCloseTo(value, within(Math.abs(value) * RELATIVE)));
        assertThat(spark.evaluation().perClass()).isEqualTo(local.evaluation().perClass());
        assertThat(spark.evaluation().roc()).isEqualTo(local.evaluation().roc());
        List<CalibrationBin> sparkBins = spark.evaluation().calibration();
        List<CalibrationBin> localBins = local.evaluation().calibration();
        assertThat(sparkBins).hasSameSizeAs(localBins);
        for (int b = 0; b < localBins.size(); b++) {
            CalibrationBin s = sparkBins.get(b);
            CalibrationBin l = localBins.get(b);
            assertThat(s.count()).isEqualTo(l.count());
            assertThat(s.lower()).isEqualTo(l.lower());
            assertThat(s.observedRate()).isEqualTo(l.observedRate());
            assertThat(s.meanPredicted()).isCloseTo(l.meanPredicted(), within(l.meanPredicted() * RELATIVE));
        }
        // Every prediction, row by row: same key, labels, probabilities, loss and verdict.
        for (int i = 0; i < local.predictions().size(); i++) {
            PredictionRecord s = spark.predictions().get(i);
            PredictionRecord l = local.predictions().get(i);
            assertThat(s).as("prediction %d", i).isEqualTo(l);
        }
        // The same failures, recognised by the same fingerprints, with the same inputs and cause tags.
        Map<String, Failure> localByKey = local.failures().stream().collect(Collectors.toMap(Failure::rowKey, f -> f));
        for (Failure s : spark.failures()) {
            Failure l = localByKey.get(s.rowKey());
            assertThat(l).as("failure of row %s", s.rowKey()).isNotNull();
            assertThat(s.fingerprint()).isEqualTo(l.fingerprint());
            assertThat(s.input()).isEqualTo(l.input());
            assertThat(s.expected()).isEqualTo(l.expected());
            assertThat(s.predicted()).isEqualTo(l.predicted());
            assertThat(s.id().substring(s.runId().length())).isEqualTo(l.id().substring(l.runId().length()));
        }
    }

    /** The weak-slice search's top slices on the local rows, from core's {@link SliceSearch}. */
    static SliceSearch.Result localSlices(ScanResult local, dev.failforward.data.Table test, SliceSearch.Settings settings, int bins) {
        boolean[] failed = new boolean[local.predictions().size()];
        for (int i = 0; i < failed.length; i++) {
            failed[i] = local.predictions().get(i).failure();
        }
        return SliceSearch.search(FeatureCodes.of(test, bins), failed, settings);
    }

    /** The Spark scan's weak-slice measurements equal the local search's: same slices, sizes, errors, scores, p and q. */
    static void assertSameSlices(ScanResult spark, SliceSearch.Result local, FeatureCodes codes) {
        WeakSliceMeasurements m = (WeakSliceMeasurements) spark.detectors().get(0).measurements();
        assertThat(m.evaluated()).isEqualTo(local.evaluated());
        assertThat(m.pruned()).isEqualTo(local.pruned());
        assertThat(m.averageError()).isEqualTo(local.averageError());
        List<WeakSliceMeasurements.SliceRow> slices = m.slices();
        assertThat(slices).hasSize(local.top().size());
        for (int i = 0; i < slices.size(); i++) {
            Slice l = local.top().get(i);
            WeakSliceMeasurements.SliceRow s = slices.get(i);
            assertThat(s.slice()).isEqualTo(l.describe(codes));
            assertThat(s.size()).isEqualTo(l.size());
            assertThat(s.errors()).isEqualTo(l.errors());
            assertThat(s.score()).isEqualTo(l.score());
            assertThat(s.pValue()).isEqualTo(l.pValue());
            assertThat(s.qValue()).isEqualTo(l.qValue());
        }
    }
}
