package dev.failforward.detect;

import dev.failforward.model.Trainer;

import java.util.List;

/**
 * Which detectors a scan runs, with their thresholds, and the trainer they may use for
 * out-of-fold probabilities and the domain classifier ({@code null}: detectors that need one
 * fall back or say so).
 */
public record DetectorPlan(List<Detector> detectors, DetectorConfig config, Trainer trainer) {

    public DetectorPlan {
        detectors = List.copyOf(detectors);
    }

    public static DetectorPlan none() {
        return new DetectorPlan(List.of(), DetectorConfig.defaults(), null);
    }
}
