package dev.failforward.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.run.Provenance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON kept in TEXT columns: maps keep their key order, numbers keep their type (a stored
 * {@code 1.0} reads back as a Double), and NaN or infinite numbers are written as bare
 * {@code NaN}/{@code Infinity} tokens so that they too read back as Doubles. Provenance is
 * mapped by hand so that no Jackson module for {@code java.time} is needed.
 */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Double>> DOUBLES = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, String>> TEXTS = new TypeReference<>() {
    };

    private static final String HEX = "0123456789ABCDEF";

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write as JSON: " + StoreException.oneLine(e), e);
        }
    }

    /** An empty JSON object to fill, for a row that is written as a tree ({@link #write(JsonNode, String)}). */
    static ObjectNode node() {
        return MAPPER.createObjectNode();
    }

    /** The tree's JSON text; {@code what} names it in the error (e.g. "an explanation"). */
    static String write(JsonNode node, String what) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write " + what + " as JSON: " + StoreException.oneLine(e), e);
        }
    }

    /** A stored JSON text as a tree; {@code what} names it in the error (e.g. "a stored explanation"). */
    static JsonNode tree(String json, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException(what + " is not valid JSON: " + StoreException.oneLine(e), e);
        }
    }

    /**
     * A flat map as a JSON object, written by hand: a run stores three per failure (input,
     * probabilities, probe parameters), and a generic writer's set-up per call was a large part of
     * appending. Strings, booleans, null and numbers are written as Jackson writes them (so
     * {@link #values(String)} reads back the same types); a map holding anything else (a list, a
     * nested map) goes to Jackson.
     */
    static String object(Map<String, ?> map) {
        StringBuilder sb = new StringBuilder(16 + map.size() * 24).append('{');
        for (Map.Entry<String, ?> e : map.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            if (e.getKey() == null) {
                return write(map);
            }
            quote(sb, e.getKey()).append(':');
            if (!scalar(e.getValue(), sb)) {
                return write(map);
            }
        }
        return sb.append('}').toString();
    }

    /** A list of strings as a JSON array, by hand (see {@link #object(Map)}). */
    static String array(List<String> list) {
        StringBuilder sb = new StringBuilder(2 + list.size() * 16).append('[');
        for (String s : list) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            if (s == null) {
                sb.append("null");
            } else {
                quote(sb, s);
            }
        }
        return sb.append(']').toString();
    }

    private static boolean scalar(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof Double || v instanceof Float || v instanceof Integer || v instanceof Long
                || v instanceof Short || v instanceof Byte || v instanceof Boolean) {
            sb.append(v);
        } else {
            return false;
        }
        return true;
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                switch (c) {
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    case '\b' -> sb.append("\\b");
                    case '\f' -> sb.append("\\f");
                    default -> sb.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
                }
            } else {
                sb.append(c);
            }
        }
        return sb.append('"');
    }

    static List<String> strings(String json) {
        return read(json, STRINGS);
    }

    static Map<String, Double> doubles(String json) {
        return read(json, DOUBLES);
    }

    static Map<String, String> texts(String json) {
        return read(json, TEXTS);
    }

    /** A map of JSON values: Double, Boolean, String, null (and lists or maps of them). */
    static Map<String, Object> values(String json) {
        return read(json, VALUES);
    }

    /**
     * A JSON array of numbers, written by hand: a run stores one per prediction, and this skips
     * a generic writer's set-up on each call. The text is the same as Jackson's, non-finite
     * numbers included (bare {@code NaN}/{@code Infinity}).
     */
    static String numbers(double[] values) {
        StringBuilder sb = new StringBuilder(2 + values.length * 20).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(values[i]);
        }
        return sb.append(']').toString();
    }

    /** Reads what {@link #numbers(double[])} wrote (or any flat JSON array of numbers). */
    static double[] numbers(String json) {
        String body = json.strip();
        if (body.length() < 2 || body.charAt(0) != '[' || body.charAt(body.length() - 1) != ']') {
            throw malformed(json, "expected an array of numbers");
        }
        body = body.substring(1, body.length() - 1).strip();
        if (body.isEmpty()) {
            return new double[0];
        }
        String[] parts = body.split(",", -1);
        double[] out = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                out[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw malformed(json, "expected an array of numbers");
        }
        return out;
    }

    static String provenance(Provenance p) {
        if (p == null) {
            return null;
        }
        ObjectNode n = MAPPER.createObjectNode();
        n.put("failforward_version", p.failforwardVersion());
        n.put("java_version", p.javaVersion());
        n.put("os", p.os());
        n.put("seed", p.seed());
        n.put("data_fingerprint", p.dataFingerprint());
        n.put("model_fingerprint", p.modelFingerprint());
        n.set("options", MAPPER.valueToTree(new TreeMap<>(p.options())));
        n.put("time", p.time() == null ? null : p.time().toString());
        return write(n);
    }

    static Provenance provenance(String json) {
        if (json == null) {
            return null;
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed(json, e);
        }
        Map<String, String> options = n.hasNonNull("options") ? MAPPER.convertValue(n.get("options"), TEXTS) : Map.of();
        String time = text(n, "time");
        return new Provenance(text(n, "failforward_version"), text(n, "java_version"), text(n, "os"),
                n.path("seed").asLong(), text(n, "data_fingerprint"), text(n, "model_fingerprint"), options,
                time == null ? null : Instant.parse(time));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw malformed(json, e);
        }
    }

    private static StoreException malformed(String json, JsonProcessingException e) {
        return new StoreException(malformed(json, StoreException.oneLine(e)).getMessage(), e);
    }

    private static StoreException malformed(String json, String problem) {
        String start = json.length() > 60 ? json.substring(0, 60) + "..." : json;
        return new StoreException("malformed JSON in the log (" + start + "): " + problem);
    }
}
