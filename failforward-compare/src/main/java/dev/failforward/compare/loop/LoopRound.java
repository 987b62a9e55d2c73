package dev.failforward.compare.loop;

import dev.failforward.api.PublicApi;
import dev.failforward.compare.retrain.RetrainResult;

/**
 * One round: the scan run of the model kept so far (on the selection rows, with its detectors and
 * probes), the retrain run that judged candidates from it, and the strategy kept ({@code null}: the
 * current model stays).
 */
@PublicApi
public record LoopRound(int round, String scanRun, String retrainRun, RetrainResult retrain, String kept) {

    public boolean keptCandidate() {
        return kept != null;
    }
}
