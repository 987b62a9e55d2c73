package dev.failforward.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Map;

/**
 * JSON values as the reports write them: numbers that JSON cannot hold (NaN, infinities) become
 * {@code null}, so that every file parses with any JSON reader.
 */
final class JsonValues {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonValues() {
    }

    static JsonNode number(double v) {
        return Double.isFinite(v) ? NODES.numberNode(v) : NODES.nullNode();
    }

    static JsonNode number(Double v) {
        return v == null ? NODES.nullNode() : number(v.doubleValue());
    }

    /** A value read from data (Double, Boolean, String or null), or anything a store gives back. */
    static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            // Whole numbers as written in the data: 34, not 34.0.
            return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15 ? NODES.numberNode((long) d) : number(d);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return NODES.numberNode(((Number) v).longValue());
        }
        if (v instanceof BigDecimal b) {
            return NODES.numberNode(b);
        }
        if (v instanceof Number n) {
            return number(n.doubleValue());
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof CharSequence s) {
            return NODES.textNode(s.toString());
        }
        return MAPPER.valueToTree(v);
    }

    /** A map of metric values, in its own order, with non-finite values as null. */
    static ObjectNode numbers(Map<String, Double> values) {
        ObjectNode out = NODES.objectNode();
        values.forEach((k, v) -> out.set(k, number(v)));
        return out;
    }

    /** A number written as text ({@code "215000"}) as a JSON number, or as the text if it is not one. */
    static JsonNode numberOrText(String text) {
        if (text == null) {
            return NODES.nullNode();
        }
        try {
            return value(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return NODES.textNode(text);
        }
    }
}
