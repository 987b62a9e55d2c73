package dev.failforward.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a language model, run by the tests as a process of its own: an OpenAI-compatible
 * chat-completions endpoint that answers with the sentence of the context that shares the most
 * words with the question (the earliest on a tie), and a judge at {@code /judge} that calls an answer
 * correct when its token F1 with the reference is at least {@value #JUDGE_F1}. {@code main(failFirst)}: the first
 * {@code failFirst} requests get HTTP 503, so that retries are exercised. Prints its URL, then serves
 * until killed.
 */
public final class ExtractiveChatServer {

    static final double JUDGE_F1 = 0.3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STOP = Set.of("the", "and", "for", "are", "how", "what", "why", "can", "does", "with", "that",
            "this", "from", "which", "when", "there", "have", "has", "you", "your", "not", "use", "into", "its", "was", "were", "will");

    private ExtractiveChatServer() {
    }

    public static void main(String[] args) throws IOException {
        int failFirst = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            try (exchange) {
                if (requests.incrementAndGet() <= failFirst) {
                    send(exchange, 503, "{\"error\": \"warming up\"}");
                    return;
                }
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                JsonNode messages = body == null ? null : body.get("messages");
                if (messages == null || !messages.isArray() || messages.isEmpty() || !body.hasNonNull("model")) {
                    send(exchange, 400, "{\"error\": \"expected model and messages\"}");
                    return;
                }
                String user = messages.get(messages.size() - 1).path("content").asText();
                ObjectNode answer = JSON.createObjectNode().put("id", "chatcmpl-" + requests.get()).put("object", "chat.completion")
                        .put("model", body.get("model").asText());
                answer.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                        .putObject("message").put("role", "assistant").put("content", extract(user));
                send(exchange, 200, JSON.writeValueAsString(answer));
            }
        });
        server.createContext("/judge", exchange -> {
            try (exchange) {
                if (requests.incrementAndGet() <= failFirst) {
                    send(exchange, 503, "{\"error\": \"warming up\"}");
                    return;
                }
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                if (body == null || !body.hasNonNull("reference") || !body.hasNonNull("answer")) {
                    send(exchange, 400, "{\"error\": \"expected reference and answer\"}");
                    return;
                }
                boolean correct = AnswerF1.of(body.get("answer").asText(), body.get("reference").asText()) >= JUDGE_F1;
                send(exchange, 200, "{\"correct\": " + correct + "}");
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat/completions");
        System.out.flush();
    }

    /** The context sentence that shares the most words with the question. */
    static String extract(String prompt) {
        int at = prompt.lastIndexOf("\nQuestion:");
        if (at < 0) {
            return "";
        }
        Set<String> asked = words(prompt.substring(at + "\nQuestion:".length()));
        String context = prompt.substring(0, at).replaceFirst("^Context:", "").replaceAll("(?m)^\\[\\d+] ", "");
        String best = "";
        int bestShared = -1;
        for (String sentence : context.strip().split("(?<=[.!?])\\s+")) {
            Set<String> shared = words(sentence);
            shared.retainAll(asked);
            if (shared.size() > bestShared) {
                best = sentence.strip();
                bestShared = shared.size();
            }
        }
        return best;
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        List<String> all = Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
        for (String w : all) {
            if (w.length() >= 3 && !STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
