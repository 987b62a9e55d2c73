package dev.failforward.detect;

import dev.failforward.api.PublicApi;
import dev.failforward.data.Table;
import dev.failforward.model.Predictions;
import dev.failforward.model.Trainer;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;

/**
 * What a detector sees: the scan's training (reference) and test data, the model's predictions
 * on the test rows with each row's failure flag, a trainer for detectors that need out-of-fold
 * probabilities or a domain classifier ({@code null} when there is none), the seed and the
 * thresholds; and {@code current}, a separate file of current (production) rows that drift
 * compares with the reference instead of the test rows ({@code null} when there is none).
 */
@PublicApi
public record DetectorContext(ScanData data, Predictions predictions, boolean[] failed, Trainer trainer, long seed,
                              DetectorConfig config, Progress progress, Table current) {

    /** A context without a current file. */
    public DetectorContext(ScanData data, Predictions predictions, boolean[] failed, Trainer trainer, long seed,
                           DetectorConfig config, Progress progress) {
        this(data, predictions, failed, trainer, seed, config, progress, null);
    }

    /** The same context reporting progress to {@code other}. */
    public DetectorContext withProgress(Progress other) {
        return new DetectorContext(data, predictions, failed, trainer, seed, config, other, current);
    }

    /** The value of {@code d}'s threshold {@code t}, as configured for this run. */
    public <T> T threshold(Detector d, Threshold<T> t) {
        return config.get(d, t);
    }

    public boolean classification() {
        return data.target().task().isClassification();
    }
}
