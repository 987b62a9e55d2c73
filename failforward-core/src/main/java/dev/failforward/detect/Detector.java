package dev.failforward.detect;

import dev.failforward.api.PublicApi;

import java.util.List;
import java.util.Optional;

/**
 * A detector plugin, registered for {@link java.util.ServiceLoader} under a unique id. It is a
 * stateless recipe: {@link #detect} measures, then judges the measurement with the thresholds
 * in the context's {@link DetectorConfig} (its defaults are {@link #thresholds()}).
 */
@PublicApi
public interface Detector {

    String id();

    /** One line for help texts and reports. */
    String description();

    /** Whether {@code --detectors default} runs it (expensive detectors say no); a plug-in runs when named, by default. */
    default boolean byDefault() {
        return false;
    }

    /** The configurable thresholds, typed, with their defaults and valid ranges, in the order help lists them; none by default. */
    default List<Threshold<?>> thresholds() {
        return List.of();
    }

    Detection detect(DetectorContext context);

    /** The record {@link #detect} measures into, so that a stored run's measurements read back typed. */
    Class<? extends Measurements> measurementType();

    /** Why this detector cannot run on {@code inputs}, as one line for a note; empty when it can. */
    default Optional<String> unavailable(DetectorInputs inputs) {
        return Optional.empty();
    }

    /**
     * The charts the report draws from this detector's measurements (as {@link #detect} made them,
     * or as the failure log kept them); none by default.
     */
    default List<DetectorChart> charts(Measurements measurements) {
        return List.of();
    }
}
