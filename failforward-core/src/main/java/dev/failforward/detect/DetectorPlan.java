package dev.failforward.detect;

import dev.failforward.model.Trainer;

import java.util.List;

/**
 * Which detectors a scan runs, with their thresholds, the trainer they may use for
 * out-of-fold probabilities and the domain classifier ({@code null}: detectors that need one
 * fall back or say so), and the columns they must not see ({@code hidden}: redacted columns, whose
 * values would otherwise appear in findings).
 */
public record DetectorPlan(List<Detector> detectors, DetectorConfig config, Trainer trainer, List<String> hidden) {

    public DetectorPlan {
        detectors = List.copyOf(detectors);
        hidden = List.copyOf(hidden);
    }

    public DetectorPlan(List<Detector> detectors, DetectorConfig config, Trainer trainer) {
        this(detectors, config, trainer, List.of());
    }

    /** The same plan, with these columns kept from the detectors. */
    public DetectorPlan hiding(List<String> columns) {
        return new DetectorPlan(detectors, config, trainer, columns);
    }

    public static DetectorPlan none() {
        return new DetectorPlan(List.of(), DetectorConfig.defaults(), null);
    }
}
