package dev.failforward.model.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.failforward.data.Table;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.Model;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelDescription;
import dev.failforward.model.Target;
import dev.failforward.model.Task;
import dev.failforward.model.external.TabularFeed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A loaded ONNX model, not yet tied to data: how its inputs are fed and which output is read. */
final class OnnxFile implements ExternalModel {

    private static final Set<OnnxJavaType> NUMBERS = Set.of(OnnxJavaType.FLOAT, OnnxJavaType.DOUBLE, OnnxJavaType.INT64, OnnxJavaType.INT32);

    private final String spec;
    private final Path file;
    private final String fingerprint;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final List<OnnxInput> inputs;
    private final OnnxOutput output;
    private final List<String> outputs;
    private final ModelConfig config;
    /** One float tensor {@code [N, k]} fed from k columns; otherwise one input per column. */
    private final boolean tensor;
    private final int width;
    /** For a model that reads token ids ({@code input_ids}, …): the declared tokenizer; else null. */
    private final TokenFeed tokens;

    OnnxFile(String spec, Path file, String fingerprint, OrtEnvironment env, OrtSession session, List<OnnxInput> inputs,
             OnnxOutput output, List<String> outputs, ModelConfig config) {
        this.spec = spec;
        this.file = file;
        this.fingerprint = fingerprint;
        this.env = env;
        this.session = session;
        this.inputs = List.copyOf(inputs);
        this.output = output;
        this.outputs = List.copyOf(outputs);
        this.config = config;
        if (!config.endpoint().isEmpty()) {
            throw new IllegalArgumentException("--model-config endpoint applies to http:// and https:// models");
        }
        this.tokens = tokenInputs(file, inputs, config);
        OnnxInput first = inputs.get(0);
        this.tensor = tokens == null && inputs.size() == 1 && !first.isString() && first.shape().length == 2
                && (first.shape()[1] != 1 || config.features().size() == 1);
        if (tokens != null) {
            width = 1;
            if (config.features().size() > 1 || !config.categories().isEmpty() || !config.columns().isEmpty()) {
                throw new IllegalArgumentException("a model that reads token ids is fed one text column: give it as the only "
                        + "entry of 'features' (or leave 'features' out to use the data's only text column); 'columns' and "
                        + "'categories' do not apply");
            }
        } else if (tensor) {
            long k = first.shape()[1];
            if (k < 0 && config.features().isEmpty()) {
                throw new IllegalArgumentException(file + ": input '" + first.name() + "' takes rows of any width; list the columns it takes, in order, in --model-config (key 'features')");
            }
            width = k < 0 ? config.features().size() : (int) k;
            if (first.type() != OnnxJavaType.FLOAT && first.type() != OnnxJavaType.DOUBLE) {
                throw new IllegalArgumentException(file + ": input '" + first.name() + "' is " + first.describeType() + "; a single input must be a float or double tensor");
            }
            TabularFeed.planned(List.of(), width, config);
        } else {
            width = inputs.size();
            if (!config.features().isEmpty()) {
                throw new IllegalArgumentException("--model-config features applies to a model with one tensor input; this one has one input per column "
                        + inputs.stream().map(OnnxInput::name).toList() + " (rename them with 'columns')");
            }
            for (OnnxInput in : inputs) {
                if (!in.isString() && !NUMBERS.contains(in.type())) {
                    throw new IllegalArgumentException(file + ": input '" + in.name() + "' is " + in.describeType() + "; supported: float, double, int64, int32 and string");
                }
            }
            TabularFeed.planned(numericNames(), numericNames().size(), numericConfig());
        }
        if (!config.categories().isEmpty() && !tensor) {
            for (String column : config.categories().keySet()) {
                if (stringColumns().contains(column)) {
                    throw new IllegalArgumentException("--model-config categories names column '" + column
                            + "', which feeds a string input; its text is fed as it is");
                }
            }
        }
        if (!config.classes().isEmpty() && classCount() > 0 && config.classes().size() != classCount()) {
            throw new IllegalArgumentException("--model-config lists " + config.classes().size() + " classes, but output '"
                    + output.name() + "' has " + classCount());
        }
    }

    /**
     * The tokenizer when the model reads token ids (an input named {@code input_ids}); such a model's
     * inputs must all be token inputs of integers {@code [N, L]}, and it needs a declared tokenizer.
     */
    private static TokenFeed tokenInputs(Path file, List<OnnxInput> inputs, ModelConfig config) {
        boolean ids = inputs.stream().anyMatch(i -> i.name().equals("input_ids"));
        if (!ids) {
            if (config.tokenizer() != null) {
                throw new IllegalArgumentException("--model-config tokenizer applies to models that read token ids (an input "
                        + "'input_ids'); " + file + " has the inputs " + inputs.stream().map(OnnxInput::name).toList());
            }
            return null;
        }
        for (OnnxInput in : inputs) {
            if (!TokenFeed.INPUTS.contains(in.name()) || (in.type() != OnnxJavaType.INT64 && in.type() != OnnxJavaType.INT32)
                    || in.shape().length != 2) {
                throw new IllegalArgumentException(file + ": input '" + in.name() + "' is " + in.describeType() + "; a model that "
                        + "reads token ids takes int64 or int32 [N, L] inputs named " + new java.util.TreeSet<>(TokenFeed.INPUTS));
            }
        }
        if (config.tokenizer() == null) {
            throw new IllegalArgumentException(file + ": the model reads token ids (input 'input_ids'); declare the tokenizer that "
                    + "makes them in --model-config, e.g. \"tokenizer\": \"huggingface:tokenizer.json\"");
        }
        return TokenFeed.open(config.tokenizer());
    }

    /** The data column a token model reads: the one of 'features', else the data's only text column. */
    private String textColumn(Table data) {
        if (!config.features().isEmpty()) {
            return data.column(config.features().get(0)).name();
        }
        List<String> texts = data.features().stream().filter(c -> c.type() == dev.failforward.data.ColumnType.TEXT)
                .map(dev.failforward.data.Column::name).toList();
        if (texts.size() != 1) {
            throw new IllegalArgumentException("the model reads the tokens of one text column, and " + data.source() + " has "
                    + (texts.isEmpty() ? "no text column" : texts.size() + " text columns " + texts)
                    + "; name it in --model-config (key 'features', e.g. [\"text\"])");
        }
        return texts.get(0);
    }

    List<String> numericNames() {
        return inputs.stream().filter(i -> !i.isString()).map(OnnxInput::name).toList();
    }

    private List<String> stringColumns() {
        return inputs.stream().filter(OnnxInput::isString).map(i -> config.columns().getOrDefault(i.name(), i.name())).toList();
    }

    /** The configuration as it applies to the numeric inputs of a one-input-per-column model. */
    private ModelConfig numericConfig() {
        Map<String, String> columns = new LinkedHashMap<>();
        Set<String> numeric = Set.copyOf(numericNames());
        config.columns().forEach((k, v) -> {
            if (numeric.contains(k)) {
                columns.put(k, v);
            } else if (inputs.stream().noneMatch(i -> i.name().equals(k))) {
                throw new IllegalArgumentException("--model-config columns names model input '" + k
                        + "', which the model does not have; its inputs are " + inputs.stream().map(OnnxInput::name).toList());
            }
        });
        Map<String, List<String>> categories = new LinkedHashMap<>(config.categories());
        return new ModelConfig(List.of(), columns, List.of(), null, categories, null, null, Map.of());
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
        if (config.task() != null) {
            return config.task();
        }
        if (output.map()) {
            return null;
        }
        if (output.width() == 2 || (output.width() <= 1 && config.activationOrNone().equals("sigmoid"))) {
            return Task.BINARY_CLASSIFICATION;
        }
        if (output.width() > 2) {
            return Task.MULTICLASS_CLASSIFICATION;
        }
        return output.width() < 0 ? null : Task.REGRESSION;
    }

    @Override
    public List<String> classes() {
        return config.classes();
    }

    @Override
    public int classCount() {
        if (output.map() || output.width() < 0) {
            return 0;
        }
        if (output.width() <= 1) {
            return config.activationOrNone().equals("sigmoid") ? 2 : 0;
        }
        return output.width();
    }

    @Override
    public ModelDescription describe(Table data) {
        List<ModelDescription.Input> described = new ArrayList<>();
        if (tokens != null) {
            String column = data != null ? "column '" + textColumn(data) + "'"
                    : config.features().isEmpty() ? "the data's text column" : "column '" + config.features().get(0) + "'";
            for (OnnxInput in : inputs) {
                described.add(new ModelDescription.Input(in.name(), in.describeType(), in.name().replace('_', ' ') + " of "
                        + column + ", by the tokenizer " + tokens.spec() + " (padded with 0 to the longest row of a batch)"));
            }
        } else if (tensor) {
            OnnxInput in = inputs.get(0);
            TabularFeed feed = data == null ? null : TabularFeed.bind(List.of(), width, config, data);
            List<String> planned = TabularFeed.planned(List.of(), width, config);
            for (int i = 0; i < width; i++) {
                String fed = feed != null ? "column '" + feed.columns().get(i) + "', " + feed.encoding(i)
                        : planned.get(i) != null ? "column '" + planned.get(i) + "'" : "feature column " + (i + 1) + " of the data, in file order";
                described.add(new ModelDescription.Input(in.name() + "[" + i + "]", in.describeType(), fed));
            }
        } else {
            TabularFeed feed = data == null ? null : TabularFeed.bind(numericNames(), numericNames().size(), numericConfig(), data);
            for (OnnxInput in : inputs) {
                String column = config.columns().getOrDefault(in.name(), in.name());
                String fed;
                if (in.isString()) {
                    fed = "column '" + column + "', its text (missing = empty string)";
                } else if (feed != null) {
                    int j = feed.inputs().indexOf(in.name());
                    fed = "column '" + feed.columns().get(j) + "', " + feed.encoding(j);
                } else {
                    fed = "column '" + column + "'";
                }
                described.add(new ModelDescription.Input(in.name(), in.describeType(), fed));
            }
        }
        String how = switch (config.activationOrNone()) {
            case "softmax" -> ", turned into probabilities with a softmax";
            case "sigmoid" -> ", turned into probabilities with a sigmoid";
            default -> task() == Task.REGRESSION ? " (values)" : " (probabilities)";
        };
        List<String> outs = new ArrayList<>();
        for (String o : outputs) {
            outs.add(o + (o.startsWith(output.name() + ":") ? "   <- read" + how : ""));
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("input layout", tokens != null ? "token ids of one text column" : tensor ? "one tensor of " + width + " columns"
                : "one input per column");
        details.put("scores from", output.name() + (output.map() ? " (class → probability maps; classes are its keys)" : ""));
        details.put("fingerprint", fingerprint);
        return new ModelDescription(spec, file.toString(), "ONNX", task(), config.classes(), described, outs, details);
    }

    @Override
    public Model bind(Target target, Table data) {
        if (task() != null && target.task() != task()) {
            throw new IllegalArgumentException("the target is " + target.task().id() + " but the model's output '" + output.name()
                    + "' gives " + task().id() + " (declare the task and activation in --model-config)");
        }
        if (tokens != null) {
            return new OnnxModel(spec, target, fingerprint, env, session, inputs, false, null, List.of(textColumn(data)), output,
                    config.activationOrNone(), tokens);
        }
        if (tensor) {
            TabularFeed feed = TabularFeed.bind(List.of(), width, config, data);
            return new OnnxModel(spec, target, fingerprint, env, session, inputs, true, feed, List.of(), output,
                    config.activationOrNone(), null);
        }
        TabularFeed feed = TabularFeed.bind(numericNames(), numericNames().size(), numericConfig(), data);
        List<String> textColumns = new ArrayList<>();
        for (OnnxInput in : inputs) {
            if (in.isString()) {
                String column = config.columns().getOrDefault(in.name(), in.name());
                if (data.find(column).isEmpty()) {
                    throw new IllegalArgumentException("model input '" + in.name() + "' reads column '" + column + "', which "
                            + data.source() + " does not have; map it with --model-config (key 'columns')");
                }
                textColumns.add(column);
            } else {
                textColumns.add(null);
            }
        }
        return new OnnxModel(spec, target, fingerprint, env, session, inputs, false, feed, textColumns, output,
                config.activationOrNone(), null);
    }
}
