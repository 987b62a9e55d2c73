package dev.failforward.model.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.model.Target;
import dev.failforward.model.Task;
import dev.failforward.model.text.LogisticWeights;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON part of a saved model: what it predicts, how columns become features (each encoder's
 * fitted values), the regression scaling, the text model's weights and the fingerprint. Plain
 * values only, read field by field; a missing or mistyped field is an {@link IllegalArgumentException}.
 */
final class ModelManifest {

    static final ObjectMapper JSON = new ObjectMapper();

    private ModelManifest() {
    }

    static ObjectNode target(Target target) {
        ObjectNode o = JSON.createObjectNode();
        o.put("column", target.column());
        o.put("task", target.task().id());
        ArrayNode classes = o.putArray("classes");
        target.classes().forEach(classes::add);
        return o;
    }

    static Target target(JsonNode o) {
        return new Target(text(o, "column"), Task.parse(text(o, "task")), strings(field(o, "classes")));
    }

    static ObjectNode encoder(FeatureEncoder encoder) {
        ObjectNode o = JSON.createObjectNode();
        o.put("style", encoder.style().name());
        ArrayNode columns = o.putArray("columns");
        for (ColumnEncoder c : encoder.columns()) {
            ObjectNode e = columns.addObject();
            if (c instanceof NumericEncoder n) {
                e.put("type", "numeric").put("column", n.column()).put("center", n.center()).put("scale", n.scale())
                        .put("impute", n.impute()).put("fill", n.fill()).put("indicator", n.indicator())
                        .put("low", n.low()).put("high", n.high());
            } else if (c instanceof CategoricalEncoder k) {
                e.put("type", "categorical").put("column", k.column());
                k.levels().forEach(e.putArray("levels")::add);
            } else if (c instanceof TextEncoder t) {
                e.put("type", "text").put("column", t.column());
                t.vocabulary().forEach(e.putArray("vocabulary")::add);
            }
        }
        return o;
    }

    static FeatureEncoder encoder(JsonNode o) {
        EncodingStyle style;
        try {
            style = EncodingStyle.valueOf(text(o, "style"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown encoding style '" + text(o, "style") + "'");
        }
        List<ColumnEncoder> columns = new ArrayList<>();
        for (JsonNode e : array(field(o, "columns"))) {
            String type = text(e, "type");
            columns.add(switch (type) {
                case "numeric" -> new NumericEncoder(text(e, "column"), number(e, "center"), number(e, "scale"),
                        bool(e, "impute"), number(e, "fill"), bool(e, "indicator"), number(e, "low"), number(e, "high"));
                case "categorical" -> new CategoricalEncoder(text(e, "column"), strings(field(e, "levels")));
                case "text" -> new TextEncoder(text(e, "column"), strings(field(e, "vocabulary")));
                default -> throw new IllegalArgumentException("unknown column encoder '" + type + "'");
            });
        }
        return new FeatureEncoder(style, columns);
    }

    static ObjectNode scale(TargetScale scale) {
        return scale == null ? null : JSON.createObjectNode().put("mean", scale.mean()).put("sd", scale.sd());
    }

    static TargetScale scale(JsonNode o) {
        return o == null || o.isNull() ? null : new TargetScale(number(o, "mean"), number(o, "sd"));
    }

    static ObjectNode weights(LogisticWeights w) {
        ObjectNode o = JSON.createObjectNode();
        numbers(o.putArray("mean"), w.mean());
        numbers(o.putArray("scale"), w.scale());
        ArrayNode rows = o.putArray("weights");
        for (double[] row : w.weights()) {
            numbers(rows.addArray(), row);
        }
        numbers(o.putArray("bias"), w.bias());
        return o;
    }

    static LogisticWeights weights(JsonNode o) {
        List<JsonNode> rows = array(field(o, "weights"));
        double[][] w = new double[rows.size()][];
        for (int i = 0; i < w.length; i++) {
            w[i] = doubles(rows.get(i));
        }
        return new LogisticWeights(doubles(field(o, "mean")), doubles(field(o, "scale")), w, doubles(field(o, "bias")));
    }

    private static void numbers(ArrayNode into, double[] values) {
        for (double v : values) {
            into.add(v);
        }
    }

    static JsonNode field(JsonNode o, String name) {
        JsonNode v = o == null ? null : o.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("the manifest has no '" + name + "'");
        }
        return v;
    }

    static String text(JsonNode o, String name) {
        JsonNode v = field(o, name);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("'" + name + "' in the manifest is not text");
        }
        return v.asText();
    }

    static double number(JsonNode o, String name) {
        JsonNode v = field(o, name);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("'" + name + "' in the manifest is not a number");
        }
        return v.asDouble();
    }

    static boolean bool(JsonNode o, String name) {
        JsonNode v = field(o, name);
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("'" + name + "' in the manifest is not true or false");
        }
        return v.asBoolean();
    }

    private static List<JsonNode> array(JsonNode v) {
        if (!v.isArray()) {
            throw new IllegalArgumentException("the manifest has an object where a list belongs");
        }
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    private static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array(v)) {
            if (!s.isTextual()) {
                throw new IllegalArgumentException("the manifest has a non-text value in a list of names");
            }
            out.add(s.asText());
        }
        return out;
    }

    private static double[] doubles(JsonNode v) {
        List<JsonNode> values = array(v);
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            if (!values.get(i).isNumber()) {
                throw new IllegalArgumentException("the manifest has a non-number among the weights");
            }
            out[i] = values.get(i).asDouble();
        }
        return out;
    }
}
