package dev.failforward.detect;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one JSON form of detector results and findings, shared by report.json and the failure log:
 * measurement records with their components in snake_case, absent ({@code null}) values left out,
 * numbers JSON cannot hold (NaN, infinities) written as {@code null} and read back into a
 * {@code double} as NaN. Reading accepts what earlier versions wrote (upper-case severities, an
 * explicit {@code "error": null}, keys a record no longer has).
 */
public final class DetectionJson {

    /** Every row key: what the failure log keeps. report.json keeps at most {@link #REPORT_ROW_KEYS}. */
    public static final int ALL_ROW_KEYS = Integer.MAX_VALUE;
    public static final int REPORT_ROW_KEYS = 1000;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new SimpleModule("finite-numbers")
                    .addSerializer(Double.class, new FiniteDouble())
                    .addSerializer(double.class, new FiniteDouble())
                    .addSerializer(double[].class, new FiniteDoubles())
                    .addDeserializer(double.class, new NumberDeserializers.DoubleDeserializer(double.class, Double.NaN)))
            .build();
    private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() {
    };

    private DetectionJson() {
    }

    public static ObjectNode result(DetectorResult d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", d.id());
        o.put("status", d.status().id());
        if (d.error() != null) {
            o.put("error", d.error());
        }
        o.put("millis", d.millis());
        o.set("measurements", measurements(d.measurements()));
        return o;
    }

    /** A detector result as {@link #result(DetectorResult)} wrote it, its measurements typed by the registered detector. */
    public static DetectorResult result(JsonNode o) {
        String id = o.path("id").asText();
        DetectorResult.Status status = DetectorResult.Status.valueOf(o.path("status").asText().toUpperCase(Locale.ROOT));
        String error = o.path("error").isTextual() ? o.path("error").asText() : null;
        Measurements m = status == DetectorResult.Status.ERROR ? Measurements.Untyped.NONE
                : measurements(id, o.path("measurements"));
        return new DetectorResult(id, status, error, m, o.path("millis").asLong());
    }

    /** A finding with at most {@code rowKeyLimit} of its row keys. */
    public static ObjectNode finding(Finding f, int rowKeyLimit) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("detector", f.detector());
        o.put("severity", f.severity().id());
        o.put("rows", f.rows());
        o.put("title", f.title());
        if (f.causeTag() != null) {
            o.put("cause_tag", f.causeTag());
        }
        ArrayNode keys = o.putArray("row_keys");
        f.rowKeys().stream().limit(rowKeyLimit).forEach(keys::add);
        o.set("evidence", MAPPER.valueToTree(f.evidence()));
        return o;
    }

    public static Finding finding(JsonNode o) {
        List<String> keys = new java.util.ArrayList<>();
        o.path("row_keys").forEach(k -> keys.add(k.asText()));
        String tag = o.path("cause_tag").isTextual() ? o.path("cause_tag").asText() : null;
        Map<String, Object> evidence = o.path("evidence").isObject() ? MAPPER.convertValue(o.path("evidence"), VALUES) : Map.of();
        return new Finding(o.path("detector").asText(), Severity.parse(o.path("severity").asText()), o.path("title").asText(),
                o.path("rows").asInt(), keys, tag, evidence);
    }

    /**
     * A finding's evidence read as {@code type} (a record whose components name evidence keys, in
     * snake_case; other keys are ignored), so that code using a finding reads it typed.
     */
    public static <T> T evidence(Finding f, Class<T> type) {
        return MAPPER.convertValue(f.evidence(), type);
    }

    /**
     * A record's components as JSON values keyed in snake_case, absent ones left out (numbers JSON cannot
     * hold as {@code null}): a finding's evidence made from what was measured.
     */
    public static Map<String, Object> values(Record measured) {
        return MAPPER.convertValue(measured, VALUES);
    }

    public static JsonNode measurements(Measurements m) {
        return MAPPER.valueToTree(m);
    }

    /**
     * Measurements as written, read into the record of the detector registered under {@code detectorId}
     * (or {@link Measurements.NotApplicable});
     * {@link Measurements.Untyped} when no detector is registered under it (a plug-in no longer present).
     */
    public static Measurements measurements(String detectorId, JsonNode node) {
        Class<? extends Measurements> type = Detectors.all().stream().filter(d -> d.id().equals(detectorId)).findFirst()
                .<Class<? extends Measurements>>map(Detector::measurementType).orElse(Measurements.Untyped.class);
        if (node.has("not_applicable")) {
            return new Measurements.NotApplicable(node.path("not_applicable").asText());
        }
        if (node.path("applicable").isBoolean() && !node.path("applicable").asBoolean()) {
            return new Measurements.NotApplicable(node.path("reason").asText()); // as earlier versions wrote it
        }
        if (type == Measurements.Untyped.class) {
            return new Measurements.Untyped(node.isObject() ? MAPPER.convertValue(node, VALUES) : Map.of());
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the measurements of detector " + detectorId + " do not read as "
                    + type.getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** A double, or null when JSON cannot hold it. */
    private static final class FiniteDouble extends StdSerializer<Double> {
        FiniteDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (Double.isFinite(v)) {
                g.writeNumber(v);
            } else {
                g.writeNull();
            }
        }
    }

    private static final class FiniteDoubles extends StdSerializer<double[]> {
        FiniteDoubles() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] values, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartArray();
            for (double v : values) {
                if (Double.isFinite(v)) {
                    g.writeNumber(v);
                } else {
                    g.writeNull();
                }
            }
            g.writeEndArray();
        }
    }
}
