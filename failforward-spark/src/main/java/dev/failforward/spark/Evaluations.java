package dev.failforward.spark;

import dev.failforward.metric.CalibrationBin;
import dev.failforward.metric.Evaluation;
import dev.failforward.metric.Metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Evaluation} from merged summaries, by {@link Metrics} itself: everything but the ROC
 * from the summaries; ROC AUC and the ROC curve, which need every score in order, from the scores
 * gathered on the driver.
 */
final class Evaluations {

    private Evaluations() {
    }

    /**
     * @param probs  every row's class probabilities, row-major
     * @param truth  every row's true class
     */
    static Evaluation classification(ClassificationSummary s, List<String> classes, double[] probs, int[] truth) {
        List<CalibrationBin> calibration = new ArrayList<>();
        int bins = ClassificationSummary.BINS;
        for (int b = 0; b < bins; b++) {
            if (s.binCount[b] > 0) {
                calibration.add(new CalibrationBin((double) b / bins, (double) (b + 1) / bins,
                        s.binPredicted[b] / s.binCount[b], (double) s.binHits[b] / s.binCount[b], s.binCount[b]));
            }
        }
        return Metrics.classification(classes, s.confusion, probs, truth, s.logLoss, s.brier, calibration);
    }

    static Evaluation regression(RegressionSummary s) {
        return Metrics.regression(s.squaredError, s.absoluteError, s.m2, s.n);
    }
}
