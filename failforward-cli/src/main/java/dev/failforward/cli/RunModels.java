package dev.failforward.cli;

import dev.failforward.data.Table;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.Model;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelSource;
import dev.failforward.model.ModelSources;
import dev.failforward.model.Target;
import dev.failforward.model.external.ModelConfigFile;
import dev.failforward.run.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Re-opens a model trained elsewhere that a stored run was scored with ({@code xgboost:}, {@code onnx:},
 * {@code http(s)://}), from the location the run recorded, with the mapping file it was scanned with,
 * and checks that it is still the same model (its fingerprint), so later verbs explain the model the
 * run judged and not a file that changed since.
 */
final class RunModels {

    /** The provenance key under which a scan records its {@code --model-config} (an absolute path). */
    static final String CONFIG = "--model-config";

    private RunModels() {
    }

    /** The source of the run's model, when it was trained elsewhere. */
    static Optional<ModelSource> source(Run run) {
        return run.modelId() == null ? Optional.empty() : ModelSources.find(run.modelId());
    }

    /**
     * The run's model, bound to score rows like {@code rows} (which must hold the columns it reads).
     *
     * @param config the mapping file to use, or null for the one the run was scanned with
     */
    static Model open(Run run, ModelSource source, Path config, Table rows) {
        String spec = run.modelPath() == null || run.modelPath().equals(run.modelId()) ? run.modelId()
                : source.prefix() + run.modelPath();
        ExternalModel loaded = source.load(spec, config(run, config));
        if (run.modelFingerprint() != null && !run.modelFingerprint().equals(loaded.fingerprint())) {
            throw new UsageException(loaded.location() + " is not the model run " + run.id()
                    + " was scored with (its SHA-256 differs); the file changed since the scan");
        }
        return loaded.bind(new Target(run.target(), run.task(), run.classes()), rows);
    }

    private static ModelConfig config(Run run, Path given) {
        if (given != null) {
            return ModelConfigFile.read(given);
        }
        String recorded = run.provenance() == null ? null : run.provenance().options().get(CONFIG);
        if (recorded == null) {
            return ModelConfig.NONE;
        }
        Path file = Path.of(recorded);
        if (!Files.isRegularFile(file)) {
            throw new UsageException("run " + run.id() + " was scanned with --model-config " + recorded
                    + ", which is not there any more; give --model-config");
        }
        return ModelConfigFile.read(file);
    }
}
