package dev.failforward.model.xgboost;

import dev.failforward.data.Table;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.Model;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelDescription;
import dev.failforward.model.Target;
import dev.failforward.model.Task;
import dev.failforward.model.external.TabularFeed;
import ml.dmlc.xgboost4j.java.Booster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A loaded XGBoost model file, not yet tied to data. */
final class XGBoostFile implements ExternalModel {

    private final String spec;
    private final Path file;
    private final String fingerprint;
    private final Booster booster;
    private final byte[] json;
    private final BoosterInfo info;
    private final Objective objective;
    private final ModelConfig config;

    XGBoostFile(String spec, Path file, String fingerprint, Booster booster, byte[] json, BoosterInfo info,
                Objective objective, ModelConfig config) {
        this.spec = spec;
        this.file = file;
        this.fingerprint = fingerprint;
        this.booster = booster;
        this.json = json;
        this.info = info;
        this.objective = objective;
        this.config = config;
        if (config.task() != null && config.task() != objective.task()) {
            throw new IllegalArgumentException("--model-config task " + config.task().id() + " does not match the model's objective "
                    + objective.name() + " (" + objective.task().id() + ")");
        }
        if (!config.endpoint().isEmpty()) {
            throw new IllegalArgumentException("--model-config endpoint applies to http:// and https:// models");
        }
        if (config.output() != null || config.activation() != null) {
            throw new IllegalArgumentException("--model-config output and activation apply to ONNX models; an XGBoost file's objective says how to read its output");
        }
        if (!config.classes().isEmpty()) {
            if (!objective.task().isClassification()) {
                throw new IllegalArgumentException("--model-config lists classes, but the model's objective " + objective.name() + " is regression");
            }
            if (config.classes().size() != classCount()) {
                throw new IllegalArgumentException("--model-config lists " + config.classes().size() + " classes, but the model outputs "
                        + classCount());
            }
        }
        TabularFeed.planned(info.featureNames(), info.numFeature(), config);
    }

    @Override
    public String id() {
        return spec;
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public Task task() {
        return objective.task();
    }

    @Override
    public List<String> classes() {
        return config.classes();
    }

    @Override
    public int classCount() {
        return switch (objective.task()) {
            case BINARY_CLASSIFICATION -> 2;
            case MULTICLASS_CLASSIFICATION -> info.numClass();
            case REGRESSION -> 0;
            case RETRIEVAL -> throw new IllegalStateException("an XGBoost objective never retrieves");
        };
    }

    @Override
    public ModelDescription describe(Table data) {
        TabularFeed feed = data == null ? null : TabularFeed.bind(info.featureNames(), info.numFeature(), config, data);
        List<String> planned = TabularFeed.planned(info.featureNames(), info.numFeature(), config);
        List<ModelDescription.Input> inputs = new ArrayList<>();
        for (int i = 0; i < info.numFeature(); i++) {
            String name = i < info.featureNames().size() ? info.featureNames().get(i) : "f" + i;
            String type = i < info.featureTypes().size() ? info.featureTypes().get(i) : "float";
            String fed;
            if (feed != null) {
                fed = "column '" + feed.columns().get(i) + "', " + feed.encoding(i);
            } else if (planned.get(i) != null) {
                fed = "column '" + planned.get(i) + "'";
            } else {
                fed = "feature column " + (i + 1) + " of the data, in file order";
            }
            inputs.add(new ModelDescription.Input(name, type, fed));
        }
        List<String> outputs = switch (objective.task()) {
            case BINARY_CLASSIFICATION -> List.of(switch (objective.output()) {
                case PROBABILITIES -> "P(second class) from " + objective.name();
                case MARGINS -> "margin from " + objective.name() + ", turned into P(second class) with a sigmoid";
                case LABEL -> "class index 0/1 from " + objective.name() + " (probabilities are 0 or 1)";
                case VALUE -> objective.name();
            });
            case MULTICLASS_CLASSIFICATION -> List.of(objective.output() == Objective.Output.PROBABILITIES
                    ? info.numClass() + " class probabilities from " + objective.name()
                    : info.numClass() + " margins from " + objective.name() + ", turned into probabilities with a softmax");
            case REGRESSION -> List.of("one value per row from " + objective.name());
            case RETRIEVAL -> throw new IllegalStateException("an XGBoost objective never retrieves");
        };
        Map<String, String> details = new LinkedHashMap<>();
        details.put("objective", objective.name());
        details.put("booster", info.booster());
        details.put("trees", Integer.toString(info.trees()));
        details.put("features", Integer.toString(info.numFeature()));
        details.put("base score", info.baseScore());
        if (!info.version().isEmpty() && !file.getFileName().toString().endsWith(".ubj")) {
            details.put("saved by xgboost", info.version());
        }
        details.put("missing values", "NaN, routed by the trees' default directions");
        details.put("fingerprint", fingerprint);
        return new ModelDescription(spec, file.toString(), file.getFileName().toString().endsWith(".ubj")
                ? "XGBoost UBJSON" : "XGBoost", objective.task(), config.classes(), inputs, outputs, details);
    }

    @Override
    public Model bind(Target target, Table data) {
        if (target.task() != objective.task()) {
            throw new IllegalArgumentException("the target is " + target.task().id() + " but the model's objective "
                    + objective.name() + " is " + objective.task().id());
        }
        if (target.task().isClassification() && target.classCount() != classCount()) {
            throw new IllegalArgumentException("the target has " + target.classCount() + " classes but the model outputs " + classCount());
        }
        TabularFeed feed = TabularFeed.bind(info.featureNames(), info.numFeature(), config, data);
        return new XGBoostModel(spec, target, booster, json, objective, feed, fingerprint);
    }
}
