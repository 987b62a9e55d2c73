package dev.failforward.metric;

import dev.failforward.api.PublicApi;

import java.util.List;
import java.util.Map;

/**
 * The metrics of one set of predictions. {@code metrics} holds scalar values under snake_case
 * names ({@code roc_auc}, {@code rmse}, ...); the rest is empty where it does not apply.
 */
@PublicApi
public record Evaluation(Map<String, Double> metrics, List<ClassMetrics> perClass, long[][] confusion,
                         List<CurvePoint> roc, List<CalibrationBin> calibration) {

    public Evaluation {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        perClass = List.copyOf(perClass);
        roc = List.copyOf(roc);
        calibration = List.copyOf(calibration);
    }

    public double metric(String name) {
        Double v = metrics.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no metric '" + name + "'; metrics are " + metrics.keySet());
        }
        return v;
    }
}
