package dev.failforward.detect;

import dev.failforward.api.PublicApi;
import dev.failforward.failure.Judge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Threshold overrides, keyed {@code detector-id.key} (such as {@code weak-slice.min-support}), each
 * value of its {@link Threshold}'s type. Keys are checked against what the detectors declare, so a
 * typo is an error naming the valid keys, and values against the declared range.
 */
@PublicApi
public record DetectorConfig(Map<String, Object> overrides) {

    public DetectorConfig {
        overrides = Map.copyOf(overrides);
    }

    public static DetectorConfig defaults() {
        return new DetectorConfig(Map.of());
    }

    /**
     * Parses {@code key=value} pairs, checking every key against {@code detectors}' thresholds and
     * every value against its threshold's type and range.
     */
    public static DetectorConfig parse(List<String> pairs, List<Detector> detectors) {
        Map<String, Threshold<?>> declared = new LinkedHashMap<>();
        for (Detector d : detectors) {
            d.thresholds().forEach(t -> declared.put(d.id() + "." + t.key(), t));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("threshold '" + pair + "' is not KEY=VALUE");
            }
            String key = pair.substring(0, eq).trim();
            Threshold<?> t = declared.get(key);
            if (t == null) {
                throw new IllegalArgumentException("unknown threshold '" + key + "'; valid keys: "
                        + String.join(", ", new TreeSet<>(declared.keySet())));
            }
            try {
                out.put(key, t.parse(pair.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("threshold '" + key + "' " + e.getMessage(), e);
            }
        }
        return new DetectorConfig(out);
    }

    /**
     * How the run's predictions are judged: a wrong prediction is over-confident from the calibration
     * detector's {@code overconfident} threshold, so the failures' tags and its finding agree.
     */
    public Judge judge() {
        Object given = overrides.get(CalibrationDetector.ID + "." + CalibrationDetector.OVERCONFIDENT.key());
        return new Judge(given != null ? (Double) given : Judge.DEFAULT_OVERCONFIDENT);
    }

    /** The value of {@code detector}'s {@code threshold}: the override, or the declared default. */
    public <T> T get(Detector detector, Threshold<T> threshold) {
        Object given = overrides.get(detector.id() + "." + threshold.key());
        @SuppressWarnings("unchecked")
        T value = given != null ? (T) given : threshold.defaultValue();
        return value;
    }
}
