package dev.failforward.detect;

import dev.failforward.api.PublicApi;

import java.util.List;
import java.util.Map;

/**
 * What the calibration detector measured on the test rows: the expected calibration error, the
 * reliability diagram, the failures made with high confidence, the slices whose confidence does not
 * match their accuracy, and of those the ones holding more than half the rows, which are folded into
 * the global finding ({@code null} when none).
 */
@PublicApi
public record CalibrationMeasurements(int rows, double ece, List<Bin> reliability, int overconfidentFailures,
                                      List<SliceCalibration> slices, List<SliceCalibration> foldedSlices) implements Measurements {

    public CalibrationMeasurements {
        reliability = Measured.list(reliability);
        slices = Measured.list(slices);
        foldedSlices = foldedSlices == null ? null : List.copyOf(foldedSlices);
    }

    /** One confidence bin [lower, upper) of the reliability diagram. */
    public record Bin(double lower, double upper, double meanConfidence, double accuracy, int count) {
    }

    /**
     * A slice of one predicate whose confidence does not match its accuracy: by how much ({@code gap}),
     * beyond what the model's reliability curve predicts for its confidences, and its failures against
     * the failures its confidences promise; {@code flaggedBy} says which rule found it.
     */
    public record SliceCalibration(String slice, int size, double meanConfidence, double accuracy, double gap,
                                   double gapBeyondGlobal, double expectedFailures, double z, int failures,
                                   double promisedFailures, double errorRatio, double pValue, double qValue, String flaggedBy) {

        public Map<String, Object> evidence() {
            return DetectionJson.values(this);
        }
    }
}
