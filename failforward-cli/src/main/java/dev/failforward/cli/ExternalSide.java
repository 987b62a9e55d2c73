package dev.failforward.cli;

import dev.failforward.data.DataException;
import dev.failforward.data.Table;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.Model;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelSource;
import dev.failforward.model.ModelSources;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.external.ModelConfigFile;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * One side of {@code compare} that is a model trained elsewhere ({@code xgboost:}, {@code onnx:},
 * {@code http(s)://}): scored on the test rows without training, with its probabilities put in the
 * comparison's class order when the model names its classes in another order.
 */
record ExternalSide(String fingerprint, Predictions predictions) {

    static Optional<ModelSource> source(String model) {
        return model == null ? Optional.empty() : ModelSources.find(model);
    }

    /** Loads {@code spec} with its mapping file ({@code null} = none) and scores {@code rows} for {@code target}. */
    static ExternalSide score(String role, ModelSource source, String spec, Path config, Target target, Table rows) {
        ExternalModel loaded = source.load(spec, config == null ? ModelConfig.NONE : ModelConfigFile.read(config));
        if (loaded.task() != null && loaded.task() != target.task()) {
            throw new DataException("--" + role + " " + spec + ": the model does " + loaded.task().id() + ", but '"
                    + target.column() + "' is " + target.task().id());
        }
        List<String> own = loaded.classes();
        boolean reorder = target.task().isClassification() && !own.isEmpty() && !own.equals(target.classes());
        if (reorder && (own.size() != target.classCount() || !new HashSet<>(own).equals(new HashSet<>(target.classes())))) {
            throw new DataException("--" + role + " " + spec + ": the model's classes " + own + " are not the classes of '"
                    + target.column() + "' " + target.classes());
        }
        Model model = loaded.bind(reorder ? new Target(target.column(), target.task(), own) : target, rows);
        Predictions p = model.predict(rows);
        if (!reorder) {
            return new ExternalSide(model.fingerprint(), p);
        }
        int k = own.size();
        int[] from = new int[k];
        for (int c = 0; c < k; c++) {
            from[c] = own.indexOf(target.classes().get(c));
        }
        double[] out = new double[p.rows() * k];
        for (int r = 0; r < p.rows(); r++) {
            for (int c = 0; c < k; c++) {
                out[r * k + c] = p.probability(r, from[c]);
            }
        }
        return new ExternalSide(model.fingerprint(), Predictions.ofProbabilities(target.classes(), out));
    }
}
