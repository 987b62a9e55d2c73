package dev.failforward.detect;

import dev.failforward.failure.Judge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Threshold overrides, keyed {@code detector-id.key} (such as {@code weak-slice.min-support}).
 * Keys are checked against what the detectors declare, so a typo is an error naming the valid keys.
 */
public record DetectorConfig(Map<String, Double> overrides) {

    public DetectorConfig {
        overrides = Map.copyOf(overrides);
    }

    public static DetectorConfig defaults() {
        return new DetectorConfig(Map.of());
    }

    /** Parses {@code key=value} pairs and checks every key against {@code detectors}' thresholds. */
    public static DetectorConfig parse(List<String> pairs, List<Detector> detectors) {
        Map<String, Double> out = new LinkedHashMap<>();
        TreeSet<String> valid = new TreeSet<>();
        for (Detector d : detectors) {
            d.thresholds().keySet().forEach(k -> valid.add(d.id() + "." + k));
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("threshold '" + pair + "' is not KEY=VALUE");
            }
            String key = pair.substring(0, eq).trim();
            if (!valid.contains(key)) {
                throw new IllegalArgumentException("unknown threshold '" + key + "'; valid keys: " + String.join(", ", valid));
            }
            try {
                out.put(key, Double.parseDouble(pair.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("threshold '" + key + "' needs a number, got '" + pair.substring(eq + 1) + "'");
            }
        }
        return new DetectorConfig(out);
    }

    /**
     * How the run's predictions are judged: a wrong prediction is over-confident from the calibration
     * detector's {@code overconfident} threshold, so the failures' tags and its finding agree.
     */
    public Judge judge() {
        return new Judge(overrides.getOrDefault(CalibrationDetector.ID + ".overconfident", Judge.DEFAULT_OVERCONFIDENT));
    }

    /** The value for {@code detector}'s {@code key}: the override, or the detector's default. */
    public double get(Detector detector, String key) {
        Double d = detector.thresholds().get(key);
        if (d == null) {
            throw new IllegalStateException(detector.id() + " declares no threshold '" + key + "'");
        }
        return overrides.getOrDefault(detector.id() + "." + key, d);
    }
}
