package dev.failforward.spark;

import dev.failforward.data.Table;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.Model;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelSource;
import dev.failforward.model.ModelSources;
import dev.failforward.model.Target;
import dev.failforward.model.builtin.ModelFiles;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models of this JVM, loaded once each and kept by spec: on an executor every partition of a scan
 * scores with the model the first one loaded. A spec is {@code xgboost:PATH}, {@code onnx:PATH} (any
 * {@link ModelSource} prefix) or the path of a FailForward saved model file.
 */
final class ModelCache {

    private static final ConcurrentHashMap<String, Object> LOADED = new ConcurrentHashMap<>();

    private ModelCache() {
    }

    /** The loaded model: an {@link ExternalModel} for a source's spec, else the saved {@link Model}. */
    static Object loaded(String spec) {
        return LOADED.computeIfAbsent(spec, ModelCache::load);
    }

    /** The model ready to score {@code rows} for {@code target}. */
    static Model bound(String spec, Target target, Table rows) {
        Object m = loaded(spec);
        return m instanceof ExternalModel external ? external.bind(target, rows) : (Model) m;
    }

    /** How many models this JVM has loaded (for tests: once per executor, not per partition). */
    static int size() {
        return LOADED.size();
    }

    private static Object load(String spec) {
        Optional<ModelSource> source = ModelSources.find(spec);
        if (source.isPresent()) {
            return source.get().load(spec, ModelConfig.NONE);
        }
        return ModelFiles.load(Path.of(spec));
    }
}
