package dev.failforward.scan;

import dev.failforward.detect.DetectorResult;
import dev.failforward.detect.Finding;
import dev.failforward.failure.Failure;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.metric.Evaluation;
import dev.failforward.run.Run;

import java.util.List;

/**
 * What a scan produced: the stored run, its evaluation, every prediction and the failures, and
 * the detectors' results and findings (empty when none ran).
 */
public record ScanResult(Run run, Evaluation evaluation, List<PredictionRecord> predictions, List<Failure> failures,
                         List<DetectorResult> detectors, List<Finding> findings) {

    public ScanResult {
        predictions = List.copyOf(predictions);
        failures = List.copyOf(failures);
        detectors = List.copyOf(detectors);
        findings = List.copyOf(findings);
    }

    /** A result without detectors. */
    public ScanResult(Run run, Evaluation evaluation, List<PredictionRecord> predictions, List<Failure> failures) {
        this(run, evaluation, predictions, failures, List.of(), List.of());
    }
}
