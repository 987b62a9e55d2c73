package dev.failforward.compare.loop;

import dev.failforward.compare.Policy;
import dev.failforward.detect.DetectorPlan;
import dev.failforward.failure.ProductionEvent;
import dev.failforward.model.Trainer;
import dev.failforward.retrain.RetrainStrategy;
import dev.failforward.scan.ScanData;
import dev.failforward.session.ModelSaver;

import java.util.List;
import java.util.Map;

/**
 * What a loop works from: the prepared data (training and test rows, redacted already), the built-in
 * model's id and trainer, where models are saved, how the data is named in the log, the strategies
 * tried each round, the gate policy, the detectors each round's scan runs, the number of rounds, the
 * seed, the bootstrap resamples, columns hidden from slice searches (redacted ones), what production saw
 * (judged events, with outcomes), and the options as given (recorded with every run of the loop).
 */
public record LoopRequest(ScanData data, String modelId, Trainer trainer, ModelSaver saver, String dataName,
                          String dataFingerprint, List<RetrainStrategy> strategies, Policy policy, DetectorPlan detectors,
                          int rounds, long seed, int resamples, List<String> hidden, List<ProductionEvent> production,
                          Map<String, String> options) {

    public LoopRequest {
        if (rounds < 1) {
            throw new IllegalArgumentException("a loop needs at least 1 round, got " + rounds);
        }
        strategies = List.copyOf(strategies);
        hidden = List.copyOf(hidden);
        production = List.copyOf(production);
        options = Map.copyOf(options);
    }
}
