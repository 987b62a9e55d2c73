package dev.failforward.run;

import dev.failforward.model.Target;
import dev.failforward.model.Task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a run records when it begins: the verb that made it, the task, target and classes, the model and
 * the data, the seed and the options as given. Built with named steps, so no call site passes its strings
 * by position: {@code RunHeader.of("scan", target).model("builtin:gbm").data("telco.csv", fingerprint)}.
 */
public record RunHeader(String kind, Task task, String target, List<String> classes, String modelId,
                        String modelFingerprint, String modelPath, String data, String dataFingerprint, long seed,
                        Map<String, String> options) {

    public RunHeader {
        classes = List.copyOf(classes);
        options = Map.copyOf(options);
    }

    public static RunHeader of(String kind, Target target) {
        return of(kind, target.task(), target.column(), target.classes());
    }

    /**
     * A run whose labels are only what it saw ({@code target} may be null): an ingest judges production
     * pairs of whatever labels they carry, possibly a single one.
     */
    public static RunHeader of(String kind, Task task, String target, List<String> classes) {
        return new RunHeader(kind, task, target, classes, null, null, null, null, null, 0, Map.of());
    }

    public RunHeader model(String id) {
        return new RunHeader(kind, task, target, classes, id, modelFingerprint, modelPath, data, dataFingerprint, seed, options);
    }

    /** A model that exists before the run (a file or an endpoint): its fingerprint and where it lives. */
    public RunHeader modelFile(String fingerprint, String path) {
        return new RunHeader(kind, task, target, classes, modelId, fingerprint, path, data, dataFingerprint, seed, options);
    }

    public RunHeader data(String name, String fingerprint) {
        return new RunHeader(kind, task, target, classes, modelId, modelFingerprint, modelPath, name, fingerprint, seed, options);
    }

    public RunHeader seed(long value) {
        return new RunHeader(kind, task, target, classes, modelId, modelFingerprint, modelPath, data, dataFingerprint, value, options);
    }

    public RunHeader options(Map<String, String> given) {
        return new RunHeader(kind, task, target, classes, modelId, modelFingerprint, modelPath, data, dataFingerprint, seed, given);
    }

    /** The run as it is begun: incomplete, without results. */
    public Run begin(String id, Instant started) {
        return new Run(id, kind, started, null, RunStatus.INCOMPLETE, task, target, classes,
                modelId, modelFingerprint, modelPath, data, dataFingerprint, Map.of(), 0, 0,
                Provenance.current(seed, dataFingerprint, modelFingerprint, options));
    }
}
