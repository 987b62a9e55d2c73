package dev.failforward.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real model server for the HTTP tests, started by them as a separate process: it serves an XGBoost
 * model file over the Open Inference Protocol ({@code /v2/models/NAME/infer}) and MLflow's
 * {@code /invocations} with the JDK's HTTP server, and can misbehave on purpose:
 * {@code --status S --fail-first N} answers S to the first N requests, {@code --hang-at N} never answers
 * request N, {@code --die-at N} exits (code 1) when request N arrives, {@code --status S --fail-from N}
 * answers S to request N and every later one. {@code --port P} listens on P (default: any free port);
 * {@code --log FILE} appends the number of rows of each answered request to FILE. Prints
 * {@code port P} when ready.
 */
public final class EndpointServer {

    private EndpointServer() {
    }

    public static void main(String[] args) throws Exception {
        Booster booster = XGBoost.loadModel(args[0]);
        String[] names = booster.getFeatureNames();
        int status = 503;
        int failFirst = 0;
        int hangAt = -1;
        int dieAt = -1;
        int failFrom = Integer.MAX_VALUE;
        int port = 0;
        java.nio.file.Path log = null;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--status" -> status = Integer.parseInt(args[i + 1]);
                case "--fail-first" -> failFirst = Integer.parseInt(args[i + 1]);
                case "--hang-at" -> hangAt = Integer.parseInt(args[i + 1]);
                case "--die-at" -> dieAt = Integer.parseInt(args[i + 1]);
                case "--fail-from" -> failFrom = Integer.parseInt(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--log" -> log = java.nio.file.Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        AtomicInteger requests = new AtomicInteger();
        ObjectMapper json = new ObjectMapper();
        int failStatus = status;
        int fails = failFirst;
        int hang = hangAt;
        int die = dieAt;
        int failsFrom = failFrom;
        java.nio.file.Path rowLog = log;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            int number = requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (number == die) {
                Runtime.getRuntime().halt(1);
            }
            if (number == hang) {
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (number <= fails || number >= failsFrom) {
                answer(exchange, failStatus, "{\"error\": \"model is loading, try again (request " + number + ")\"}");
                return;
            }
            try {
                JsonNode request = json.readTree(body);
                String path = exchange.getRequestURI().getPath();
                float[] rows;
                int n;
                if (path.endsWith("/infer")) {
                    JsonNode input = request.path("inputs").get(0);
                    n = input.path("shape").get(0).asInt();
                    rows = floats(input.path("data"));
                } else if (path.endsWith("/invocations")) {
                    JsonNode split = request.path("dataframe_split");
                    List<String> columns = new ArrayList<>();
                    split.path("columns").forEach(c -> columns.add(c.asText()));
                    n = split.path("data").size();
                    rows = new float[n * names.length];
                    for (int r = 0; r < n; r++) {
                        for (int j = 0; j < names.length; j++) {
                            JsonNode v = split.path("data").get(r).get(columns.indexOf(names[j]));
                            rows[r * names.length + j] = v.isNull() ? Float.NaN : (float) v.asDouble();
                        }
                    }
                } else {
                    answer(exchange, 404, "{\"error\": \"no such route\"}");
                    return;
                }
                DMatrix matrix = new DMatrix(rows, n, names.length, Float.NaN);
                float[][] p;
                synchronized (booster) {
                    p = booster.predict(matrix);
                }
                matrix.dispose();
                ObjectNode out = json.createObjectNode();
                if (path.endsWith("/infer")) {
                    out.put("model_name", "cancer");
                    ObjectNode o = out.putArray("outputs").addObject();
                    o.put("name", "predict");
                    o.putArray("shape").add(n).add(1);
                    o.put("datatype", "FP32");
                    ArrayNode data = o.putArray("data");
                    for (float[] row : p) {
                        data.add(row[0]);
                    }
                } else {
                    ArrayNode data = out.putArray("predictions");
                    for (float[] row : p) {
                        data.add(row[0]);
                    }
                }
                if (rowLog != null) {
                    synchronized (rowLog) {
                        java.nio.file.Files.writeString(rowLog, n + "\n", java.nio.file.StandardOpenOption.CREATE,
                                java.nio.file.StandardOpenOption.APPEND);
                    }
                }
                answer(exchange, 200, json.writeValueAsString(out));
            } catch (Exception e) {
                answer(exchange, 400, "{\"error\": \"" + e.getMessage() + "\"}");
            }
        });
        server.start();
        System.out.println("port " + server.getAddress().getPort());
        System.out.flush();
    }

    private static float[] floats(JsonNode data) {
        float[] out = new float[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.get(i).isNull() ? Float.NaN : (float) data.get(i).asDouble();
        }
        return out;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
