package dev.failforward.scan;

import dev.failforward.failure.Failure;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.metric.Evaluation;
import dev.failforward.run.Run;

import java.util.List;

/** What a scan produced: the stored run, its evaluation, every prediction and the failures. */
public record ScanResult(Run run, Evaluation evaluation, List<PredictionRecord> predictions, List<Failure> failures) {

    public ScanResult {
        predictions = List.copyOf(predictions);
        failures = List.copyOf(failures);
    }
}
