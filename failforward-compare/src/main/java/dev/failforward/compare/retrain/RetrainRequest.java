package dev.failforward.compare.retrain;

import dev.failforward.compare.Policy;
import dev.failforward.data.Table;
import dev.failforward.failure.ProductionEvent;
import dev.failforward.model.Model;
import dev.failforward.model.Trainer;
import dev.failforward.retrain.RetrainStrategy;
import dev.failforward.scan.ScanData;

import java.util.List;

/**
 * What a retrain works from: the source run's data re-created exactly ({@code data}: its training and
 * test rows), the current model and the trainer of its kind, the strategies, the gate policy, and
 * optionally a verification table ({@code holdout}, prepared like the test rows, with its row keys;
 * then every test row selects). {@code production} holds what production saw (judged events, with outcomes);
 * {@code hidden} columns (redacted ones) are left out of slice searches, so no report quotes them.
 */
public record RetrainRequest(String sourceRun, String dataName, ScanData data, Model current, Trainer trainer,
                             List<RetrainStrategy> strategies, Policy policy, Table holdout, List<String> holdoutKeys,
                             List<ProductionEvent> production, boolean relabel, long seed, int resamples, List<String> hidden,
                             CandidateSink sink) {

    public RetrainRequest {
        strategies = List.copyOf(strategies);
        production = List.copyOf(production);
        hidden = List.copyOf(hidden);
        holdoutKeys = holdoutKeys == null ? null : List.copyOf(holdoutKeys);
    }
}
