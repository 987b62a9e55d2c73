package dev.failforward.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.data.DataException;
import dev.failforward.failure.ProductionEvent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads production capture, one JSON object per line: prediction events ({@code id, timestamp,
 * features, prediction, probabilities, model}) and outcome events ({@code id, outcome}). Keys are
 * checked strictly; the first bad line stops the read with its file and line, before anything
 * is stored. Labels that are JSON numbers or booleans become text ({@code 1}, not {@code 1.0}),
 * so that a prediction {@code 1} and an outcome {@code 1.0} agree.
 */
final class EventReader {

    static final Set<String> KEYS = Set.of("id", "timestamp", "features", "prediction", "probabilities", "model", "outcome");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventReader() {
    }

    static List<ProductionEvent> read(Path file) {
        List<ProductionEvent> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    out.add(event(file, number, line));
                }
            }
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DataException(file + ": not UTF-8 text; production events are JSON, one object per line");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static ProductionEvent event(Path file, int line, String text) {
        JsonNode n;
        try {
            n = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DataException(file + ":" + line + ":" + e.getLocation().getColumnNr() + ": not valid JSON: "
                    + e.getOriginalMessage());
        }
        String where = file + ":" + line + ": ";
        if (n == null || !n.isObject()) {
            throw new DataException(where + "expected a JSON object per line");
        }
        for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new DataException(where + "unknown key '" + name + "'; valid keys are " + new java.util.TreeSet<>(KEYS));
            }
        }
        String id = label(n.get("id"), where, "id");
        if (id == null) {
            throw new DataException(where + "no 'id': every event needs the id that pairs a prediction with its outcome");
        }
        String prediction = label(n.get("prediction"), where, "prediction");
        String outcome = label(n.get("outcome"), where, "outcome");
        if (prediction == null && outcome == null) {
            throw new DataException(where + "event '" + id + "' has neither 'prediction' nor 'outcome'");
        }
        JsonNode features = n.get("features");
        if (features != null && !features.isNull() && !features.isObject()) {
            throw new DataException(where + "'features' must be an object of column -> value");
        }
        if (prediction == null && features != null && !features.isNull()) {
            throw new DataException(where + "event '" + id + "' has 'features' but no 'prediction'");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (features != null && features.isObject()) {
            features.fields().forEachRemaining(e -> values.put(e.getKey(), value(e.getValue(), where, e.getKey())));
        }
        Map<String, Double> probabilities = new LinkedHashMap<>();
        JsonNode p = n.get("probabilities");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw new DataException(where + "'probabilities' must be an object of class -> probability");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNumber() || e.getValue().asDouble() < 0 || e.getValue().asDouble() > 1) {
                    throw new DataException(where + "probability of '" + e.getKey() + "' must be a number from 0 to 1");
                }
                probabilities.put(e.getKey(), e.getValue().asDouble());
            }
        }
        return new ProductionEvent(id, text(n.get("timestamp"), where, "timestamp"), text(n.get("model"), where, "model"),
                prediction == null ? null : values, prediction, probabilities, outcome);
    }

    private static String text(JsonNode n, String where, String key) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new DataException(where + "'" + key + "' must be a string");
        }
        return n.asText();
    }

    /** A label or id: a string, a number (whole numbers without ".0") or a boolean. */
    private static String label(JsonNode n, String where, String key) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isNumber()) {
            double d = n.asDouble();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        if (n.isBoolean()) {
            return Boolean.toString(n.asBoolean());
        }
        throw new DataException(where + "'" + key + "' must be a string, a number or a boolean");
    }

    private static Object value(JsonNode n, String where, String column) {
        if (n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isTextual()) {
            return n.asText();
        }
        throw new DataException(where + "feature '" + column + "' must be a number, string, boolean or null");
    }
}
