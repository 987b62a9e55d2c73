package dev.failforward.model.external;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.Task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code --model-config} JSON file strictly: an unknown key, or a value of the wrong kind, is
 * an error that names the file, the key and the valid keys, so a typo is never silently ignored.
 */
public final class ModelConfigFile {

    private ModelConfigFile() {
    }

    public static ModelConfig read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--model-config " + file + ": no such file");
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": not valid JSON: " + e.getOriginalMessage());
        } catch (MismatchedInputException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text; a model configuration is a JSON file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(root, file.toString());
    }

    /** Parses an already-read configuration; {@code source} names it in messages. */
    public static ModelConfig parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": a model configuration is a JSON object with the keys "
                    + String.join(", ", ModelConfig.KEYS));
        }
        List<String> features = List.of();
        Map<String, String> columns = Map.of();
        List<String> classes = List.of();
        Task task = null;
        Map<String, List<String>> categories = Map.of();
        String output = null;
        String activation = null;
        Map<String, Double> endpoint = Map.of();
        String tokenizer = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            switch (key) {
                case "features" -> features = strings(v, source, key);
                case "columns" -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    object(v, source, key).fields().forEachRemaining(f -> m.put(f.getKey(), string(f.getValue(), source, key + "." + f.getKey())));
                    columns = m;
                }
                case "classes" -> {
                    classes = strings(v, source, key);
                    if (classes.size() < 2 || classes.stream().distinct().count() != classes.size()) {
                        throw new IllegalArgumentException(source + ": 'classes' must list at least two distinct labels");
                    }
                }
                case "task" -> task = Task.parse(string(v, source, key));
                case "categories" -> {
                    Map<String, List<String>> m = new LinkedHashMap<>();
                    object(v, source, key).fields().forEachRemaining(f -> m.put(f.getKey(), strings(f.getValue(), source, key + "." + f.getKey())));
                    categories = m;
                }
                case "output" -> output = string(v, source, key);
                case "activation" -> activation = string(v, source, key);
                case "tokenizer" -> tokenizer = string(v, source, key);
                case "endpoint" -> {
                    Map<String, Double> m = new LinkedHashMap<>();
                    object(v, source, key).fields().forEachRemaining(f -> {
                        boolean zeroAllowed = f.getKey().equals("retries");
                        if (!f.getValue().isNumber() || f.getValue().asDouble() < 0 || (!zeroAllowed && f.getValue().asDouble() == 0)) {
                            throw new IllegalArgumentException(source + ": 'endpoint." + f.getKey() + "' must be a "
                                    + (zeroAllowed ? "number ≥ 0" : "positive number"));
                        }
                        m.put(f.getKey(), f.getValue().asDouble());
                    });
                    endpoint = m;
                }
                default -> throw new IllegalArgumentException(source + ": unknown key '" + key + "'; valid keys: "
                        + String.join(", ", ModelConfig.KEYS));
            }
        }
        try {
            return new ModelConfig(features, columns, classes, task, categories, output, activation, endpoint,
                    tokenizer == null ? null : resolved(tokenizer, source));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    /** A relative tokenizer path is relative to the configuration file's folder. */
    private static String resolved(String tokenizer, String source) {
        if (!tokenizer.startsWith(ModelConfig.HUGGINGFACE)) {
            return tokenizer;
        }
        Path path = Path.of(tokenizer.substring(ModelConfig.HUGGINGFACE.length()));
        Path folder = Path.of(source).toAbsolutePath().getParent();
        return path.isAbsolute() || folder == null ? tokenizer : ModelConfig.HUGGINGFACE + folder.resolve(path).normalize();
    }

    private static JsonNode object(JsonNode v, String source, String key) {
        if (!v.isObject()) {
            throw new IllegalArgumentException(source + ": '" + key + "' must be a JSON object");
        }
        return v;
    }

    private static String string(JsonNode v, String source, String key) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException(source + ": '" + key + "' must be a string, got " + v);
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode v, String source, String key) {
        if (!v.isArray()) {
            throw new IllegalArgumentException(source + ": '" + key + "' must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            out.add(string(item, source, key + "[" + out.size() + "]"));
        }
        return out;
    }
}
