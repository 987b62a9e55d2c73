package dev.failforward.session;

import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;

/**
 * What a {@link ScanStep} works on: the run, the model under test, the data, the model's predictions
 * on the test rows, the seed, and the number its first failure takes (failures are numbered within
 * the run).
 */
public record StepContext(String runId, Model model, ScanData data, Predictions baseline, long seed,
                          int firstFailureNumber, Progress progress) {
}
