package dev.failforward.detect;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.failforward.api.PublicApi;

import java.util.Map;

/**
 * What a detector measured, found or not: one record per built-in detector, written to report.json and
 * the failure log by {@link DetectionJson} (record components in snake_case) and read back as the same
 * record ({@link Detector#measurementType()}). A plug-in detector's record implements {@link Plugin}.
 */
@PublicApi
public sealed interface Measurements permits WeakSliceMeasurements, CalibrationMeasurements, LabelIssueMeasurements,
        DriftMeasurements, LeakageMeasurements, Measurements.NotApplicable, Measurements.Untyped, Measurements.Plugin {

    /** The measurements of a detector outside FailForward: its own record. */
    non-sealed interface Plugin extends Measurements {
    }

    /** A detector that ran but does not apply to the data, and why (calibration of a regression model). */
    record NotApplicable(@JsonProperty("not_applicable") String reason) implements Measurements {
    }

    /**
     * Measurements without a type: none (a detector that failed), or those of a detector that is no
     * longer registered, as the failure log kept them.
     */
    record Untyped(@JsonValue Map<String, Object> values) implements Measurements {

        public static final Untyped NONE = new Untyped(Map.of());

        public Untyped {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }
    }
}
