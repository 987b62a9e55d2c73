package dev.failforward.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.failforward.progress.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves a retriever over the retriever contract ({@link HttpRetriever}) at {@code POST /retrieve}.
 * Bound to 127.0.0.1 unless told otherwise; any other address needs a token, checked on every request.
 */
public final class RagServer implements AutoCloseable {

    public static final String PATH = "/retrieve";
    /** Largest request body accepted. */
    static final int MAX_BODY = 4 << 20;
    /** Largest k a request may ask for. */
    static final int MAX_K = 1000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final Retriever retriever;
    private final String token;

    private RagServer(HttpServer server, Retriever retriever, String token) {
        this.server = server;
        this.retriever = retriever;
        this.token = token;
    }

    /** Starts serving; port 0 picks a free port. */
    public static RagServer start(Retriever retriever, String host, int port, String token) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        if (!address.isLoopbackAddress() && (token == null || token.isBlank())) {
            throw new IllegalArgumentException("serving on " + host + " (not 127.0.0.1) needs a token (" + HttpRetriever.TOKEN_VARIABLE + ")");
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(address, port), 16);
        RagServer s = new RagServer(http, retriever, token == null || token.isBlank() ? null : token);
        http.createContext(PATH, s::handle);
        http.setExecutor(null);
        http.start();
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, error("use POST"));
                return;
            }
            if (token != null && !authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, error("missing or wrong bearer token"));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                send(exchange, 413, error("request larger than " + MAX_BODY + " bytes"));
                return;
            }
            List<Question> questions = new ArrayList<>();
            int k;
            try {
                JsonNode root = MAPPER.readTree(body);
                k = root.path("k").asInt(10);
                if (k < 1 || k > MAX_K || !root.path("questions").isArray()) {
                    send(exchange, 400, error("expected {\"k\": 1.." + MAX_K + ", \"questions\": [{\"qid\": ..., \"question\": ...}]}"));
                    return;
                }
                for (JsonNode q : root.get("questions")) {
                    if (!q.path("qid").isValueNode() || !q.path("question").isTextual()) {
                        send(exchange, 400, error("every question needs 'qid' and 'question'"));
                        return;
                    }
                    questions.add(new Question(q.get("qid").asText(), q.get("question").asText(), null, null, java.util.Map.of()));
                }
            } catch (IOException e) {
                send(exchange, 400, error("not JSON: " + e.getMessage()));
                return;
            }
            List<List<Hit>> rankings;
            try {
                rankings = retriever.retrieve(questions, k, Progress.NONE);
            } catch (RuntimeException e) {
                send(exchange, 500, error("retrieval failed: " + e.getMessage()));
                return;
            }
            ObjectNode out = MAPPER.createObjectNode();
            ArrayNode results = out.putArray("results");
            for (int i = 0; i < questions.size(); i++) {
                ObjectNode r = results.addObject().put("qid", questions.get(i).qid());
                ArrayNode hits = r.putArray("hits");
                rankings.get(i).forEach(h -> hits.addObject().put("id", h.id()).put("score", h.score()));
            }
            send(exchange, 200, out);
        }
    }

    private boolean authorised(String header) {
        String expected = "Bearer " + token;
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode error(String message) {
        return MAPPER.createObjectNode().put("error", message);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
