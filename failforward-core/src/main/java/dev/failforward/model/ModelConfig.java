package dev.failforward.model;

import java.util.List;
import java.util.Map;

/**
 * What cannot always be read from an external model file, given by the user
 * ({@code --model-config FILE}).
 *
 * @param features   the data columns that feed the model's inputs, in the model's input order (empty = from the model, else by order)
 * @param columns    model input name → data column name, when they differ
 * @param classes    class labels in the model's output order (empty = the target's values, sorted)
 * @param task       the task, when the model does not say ({@code null} = from the model)
 * @param categories categorical column → its levels; a level is fed as its index in this list
 * @param output     the model output that holds probabilities or scores ({@code null} = found from the model)
 * @param activation what turns that output into probabilities: {@code none}, {@code softmax} or {@code sigmoid}
 *                   ({@code null} = none)
 * @param endpoint   settings of an HTTP endpoint: {@code batch_size}, {@code concurrency}, {@code timeout_seconds}, {@code retries}
 * @param tokenizer  for a model that reads token ids: the tokenizer that makes them from a text column,
 *                   {@code huggingface:PATH} (a {@code tokenizer.json}); {@code null} = none
 */
public record ModelConfig(List<String> features, Map<String, String> columns, List<String> classes, Task task,
                          Map<String, List<String>> categories, String output, String activation,
                          Map<String, Double> endpoint, String tokenizer) {

    /** The values {@code activation} may take. */
    public static final List<String> ACTIVATIONS = List.of("none", "softmax", "sigmoid");

    /** No configuration: everything comes from the model and the data. */
    public static final ModelConfig NONE = new ModelConfig(List.of(), Map.of(), List.of(), null, Map.of(), null, null, Map.of());

    /** The keys a configuration file may hold. */
    public static final List<String> KEYS = List.of("features", "columns", "classes", "task", "categories", "output", "activation",
            "endpoint", "tokenizer");

    /** The prefix of a {@code tokenizer} spec: a HuggingFace {@code tokenizer.json} file. */
    public static final String HUGGINGFACE = "huggingface:";

    /** The keys the {@code endpoint} object may hold. */
    public static final List<String> ENDPOINT_KEYS = List.of("batch_size", "concurrency", "timeout_seconds", "retries");

    public ModelConfig {
        features = List.copyOf(features);
        columns = Map.copyOf(columns);
        classes = List.copyOf(classes);
        categories = Map.copyOf(categories);
        endpoint = Map.copyOf(endpoint);
        for (String key : endpoint.keySet()) {
            if (!ENDPOINT_KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown endpoint key '" + key + "'; valid keys: " + String.join(", ", ENDPOINT_KEYS));
            }
        }
        if (tokenizer != null && (!tokenizer.startsWith(HUGGINGFACE) || tokenizer.length() == HUGGINGFACE.length())) {
            throw new IllegalArgumentException("tokenizer '" + tokenizer + "': expected " + HUGGINGFACE + "PATH (a tokenizer.json file)");
        }
        if (activation != null && !ACTIVATIONS.contains(activation)) {
            throw new IllegalArgumentException("unknown activation '" + activation + "'; expected one of " + String.join(", ", ACTIVATIONS));
        }
    }

    /** Without a tokenizer. */
    public ModelConfig(List<String> features, Map<String, String> columns, List<String> classes, Task task,
                       Map<String, List<String>> categories, String output, String activation, Map<String, Double> endpoint) {
        this(features, columns, classes, task, categories, output, activation, endpoint, null);
    }

    /** The configured activation, {@code none} when not given. */
    public String activationOrNone() {
        return activation == null ? "none" : activation;
    }
}
