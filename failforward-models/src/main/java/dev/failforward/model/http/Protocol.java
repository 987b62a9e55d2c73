package dev.failforward.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire formats: the Open Inference Protocol (KServe v2: {@code POST /v2/models/NAME/infer}, one
 * FP64 tensor {@code [rows, columns]}, missing values as null) and MLflow's scoring server
 * ({@code POST /invocations} with {@code dataframe_split}: column names and raw values). Both answers
 * become one array of scores per row.
 */
enum Protocol {
    V2, MLFLOW;

    private static final ObjectMapper JSON = new ObjectMapper();

    static Protocol of(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        if (path.matches(".*/v2/models/[^/]+(/versions/[^/]+)?/infer")) {
            return V2;
        }
        if (path.endsWith("/invocations")) {
            return MLFLOW;
        }
        throw new IllegalArgumentException("--model " + url + ": the URL must end with /v2/models/NAME/infer (Open Inference Protocol) or /invocations (MLflow)");
    }

    String id() {
        return this == V2 ? "Open Inference Protocol (KServe v2)" : "MLflow /invocations (dataframe_split)";
    }

    /**
     * The request body for rows {@code from..to-1}: {@code numbers} row-major ({@code columns.size()} per
     * row, NaN = missing) for v2, {@code raw} values per column for MLflow.
     */
    byte[] request(List<String> columns, double[] numbers, Object[][] raw, int from, int to) {
        ObjectNode root = JSON.createObjectNode();
        int k = columns.size();
        if (this == V2) {
            ObjectNode input = root.putArray("inputs").addObject();
            input.put("name", "input-0");
            input.putArray("shape").add(to - from).add(k);
            input.put("datatype", "FP64");
            ArrayNode data = input.putArray("data");
            for (int r = from; r < to; r++) {
                for (int j = 0; j < k; j++) {
                    double v = numbers[r * k + j];
                    if (Double.isNaN(v)) {
                        data.addNull();
                    } else {
                        data.add(v);
                    }
                }
            }
            ObjectNode params = root.putObject("parameters");
            ArrayNode names = params.putArray("columns");
            columns.forEach(names::add);
        } else {
            ObjectNode split = root.putObject("dataframe_split");
            ArrayNode names = split.putArray("columns");
            columns.forEach(names::add);
            ArrayNode data = split.putArray("data");
            for (int r = from; r < to; r++) {
                ArrayNode row = data.addArray();
                for (int j = 0; j < k; j++) {
                    Object v = raw[j][r];
                    if (v == null) {
                        row.addNull();
                    } else if (v instanceof Double d) {
                        if (Double.isNaN(d)) {
                            row.addNull();
                        } else {
                            row.add(d);
                        }
                    } else {
                        row.add(v.toString());
                    }
                }
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request", e);
        }
    }

    /** Scores per row from a response body; {@code output} picks a v2 output by name ({@code null} = the first, or one named *prob*). */
    double[][] response(byte[] body, int rows, String output) throws java.io.IOException {
        JsonNode root = JSON.readTree(body);
        if (this == V2) {
            JsonNode outputs = root.path("outputs");
            if (!outputs.isArray() || outputs.isEmpty()) {
                throw new java.io.IOException("the answer has no 'outputs'");
            }
            JsonNode chosen = null;
            for (JsonNode o : outputs) {
                String name = o.path("name").asText();
                if (output != null ? name.equals(output) : name.toLowerCase(java.util.Locale.ROOT).contains("prob")) {
                    chosen = o;
                }
            }
            if (chosen == null && output != null) {
                List<String> names = new ArrayList<>();
                outputs.forEach(o -> names.add(o.path("name").asText()));
                throw new IllegalArgumentException("the endpoint has no output '" + output + "'; it answered " + names);
            }
            if (chosen == null) {
                chosen = outputs.get(0);
            }
            JsonNode data = chosen.path("data");
            int total = data.size();
            if (total % rows != 0) {
                throw new java.io.IOException("output '" + chosen.path("name").asText() + "' has " + total + " values for " + rows + " rows");
            }
            int w = total / rows;
            double[][] out = new double[rows][w];
            for (int i = 0; i < total; i++) {
                out[i / w][i % w] = number(data.get(i));
            }
            return out;
        }
        JsonNode predictions = root.isArray() ? root : root.path("predictions");
        if (!predictions.isArray() || predictions.size() != rows) {
            throw new java.io.IOException("expected 'predictions' with " + rows + " entries");
        }
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            JsonNode p = predictions.get(r);
            if (p.isArray()) {
                out[r] = new double[p.size()];
                for (int c = 0; c < p.size(); c++) {
                    out[r][c] = number(p.get(c));
                }
            } else {
                out[r] = new double[]{number(p)};
            }
        }
        return out;
    }

    private static double number(JsonNode n) throws java.io.IOException {
        if (!n.isNumber()) {
            throw new java.io.IOException("expected a number, got " + n);
        }
        return n.asDouble();
    }
}
