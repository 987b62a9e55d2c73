package dev.failforward.run;

import dev.failforward.api.PublicApi;
import dev.failforward.model.Task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run: a model evaluated on data. {@code kind} is the verb that made it ({@code scan},
 * {@code demo}, ...); {@code modelPath} is where the run's model was saved, if it was.
 */
@PublicApi
public record Run(String id, String kind, Instant startedAt, Instant finishedAt, RunStatus status,
                  Task task, String target, List<String> classes,
                  String modelId, String modelFingerprint, String modelPath,
                  String data, String dataFingerprint,
                  Map<String, Double> metrics, int predictionCount, int failureCount, Provenance provenance) {

    public Run {
        classes = List.copyOf(classes);
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    /** This run finished with the given results. */
    public Run completed(Instant finished, Map<String, Double> newMetrics, int predictions, int failures) {
        return new Run(id, kind, startedAt, finished, RunStatus.COMPLETE, task, target, classes, modelId,
                modelFingerprint, modelPath, data, dataFingerprint, newMetrics, predictions, failures, provenance);
    }
}
