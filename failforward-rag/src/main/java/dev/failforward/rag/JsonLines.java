package dev.failforward.rag;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.data.DataException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads a JSON-lines file one object per line; a line that is not a JSON object stops the read with
 * one line naming the file, the line and the column. Blank lines are skipped.
 */
final class JsonLines {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLines() {
    }

    /** Calls {@code each} with every object and its 1-based line number. */
    static void read(Path file, BiConsumer<JsonNode, Integer> each) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    JsonLocation at = e.getLocation();
                    throw new DataException(file + ":" + number + ":" + (at == null ? 1 : at.getColumnNr())
                            + ": not valid JSON: " + e.getOriginalMessage());
                }
                if (node == null || !node.isObject()) {
                    throw new DataException(file + ":" + number + ":1: expected a JSON object per line");
                }
                each.accept(node, number);
            }
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DataException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The field as text: a string as it is, a number or boolean as written; null when absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** A required, non-empty string field, or an error at the line (the column of the object's start). */
    static String required(Path file, int line, JsonNode node, String field) {
        String v = text(node, field);
        if (v == null || v.isBlank()) {
            throw new DataException(file + ":" + line + ":1: missing field '" + field + "'");
        }
        return v;
    }

    /** Every field except the named ones, as text, in file order. */
    static Map<String, String> rest(JsonNode node, java.util.Set<String> known) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey()) && !e.getValue().isNull()) {
                out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        return out;
    }
}
