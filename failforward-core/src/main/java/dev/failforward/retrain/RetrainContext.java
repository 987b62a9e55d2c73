package dev.failforward.retrain;

import dev.failforward.detect.Finding;
import dev.failforward.failure.ProductionEvent;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Trainer;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;

import java.util.List;

/**
 * What a strategy sees: {@code data} holds the training rows ({@code train}) and the selection rows
 * ({@code test}) — never the verification rows; the current model, its predictions on the selection
 * rows and which of them failed; the detectors' findings on the selection rows; the trainer of the
 * current model's kind (for out-of-fold scores); what production saw (judged events: predictions
 * with their outcomes); the training sets of the strategies that helped (for {@code combined}); whether suspected
 * label errors are relabeled rather than dropped; and the seed.
 */
public record RetrainContext(ScanData data, Model current, Predictions selection, boolean[] failed, List<Finding> findings,
                             Trainer trainer, List<ProductionEvent> production, List<TrainingSet> helped, boolean relabel,
                             long seed, Progress progress) {

    public RetrainContext {
        findings = List.copyOf(findings);
        production = List.copyOf(production);
        helped = List.copyOf(helped);
    }

    /** The same context with the training sets of the strategies that helped. */
    public RetrainContext withHelped(List<TrainingSet> sets) {
        return new RetrainContext(data, current, selection, failed, findings, trainer, production, sets, relabel, seed, progress);
    }

    public boolean classification() {
        return data.target().task().isClassification();
    }
}
