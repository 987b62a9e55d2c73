package dev.failforward.cli;

import dev.failforward.detect.AveragedTrainer;
import dev.failforward.detect.DetectorConfig;
import dev.failforward.detect.DetectorPlan;
import dev.failforward.detect.Detectors;
import dev.failforward.model.ModelProviders;

import java.util.List;

/**
 * Turns {@code --detectors} and {@code --threshold} into a plan. Detectors that need a trainer
 * (out-of-fold probabilities, the domain classifier) get the average of the built-in logistic
 * regression and gradient-boosted trees.
 */
final class DetectorPlans {

    static final String TRAINER_ID = "builtin:logistic+builtin:gbm";

    private DetectorPlans() {
    }

    static DetectorPlan of(String detectors, List<String> thresholds) {
        return new DetectorPlan(Detectors.resolve(detectors), DetectorConfig.parse(thresholds, Detectors.all()),
                new AveragedTrainer(TRAINER_ID, List.of(ModelProviders.find("builtin:logistic").trainer(),
                        ModelProviders.find("builtin:gbm").trainer())));
    }
}
