package dev.failforward.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.progress.Progress;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A retriever behind HTTP (docs/rag.md, "Retriever contract"): {@code POST} of
 * {@code {"k": 10, "questions": [{"qid": "q1", "question": "..."}]}}, answered by
 * {@code {"results": [{"qid": "q1", "hits": [{"id": "doc-7", "score": 0.83}]}]}}. Questions go in
 * batches; a batch that times out or gets a 5xx is tried {@value #ATTEMPTS} times with growing
 * pauses; a batch that still fails counts its questions as retrieving nothing ({@link #failedQuestions()}).
 * An answer that is not the contract's JSON stops the evaluation ({@link RetrieverFailedException}).
 * {@code FAILFORWARD_RAG_TOKEN}, when set, is sent as a bearer token.
 */
public final class HttpRetriever implements Retriever {

    static final int ATTEMPTS = 3;
    public static final String TOKEN_VARIABLE = "FAILFORWARD_RAG_TOKEN";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI uri;
    private final int batch;
    private final Duration timeout;
    private final HttpClient client;
    private final String token;
    private int failed;
    private String lastError;

    public HttpRetriever(String url, int batch, Duration timeout) {
        try {
            this.uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--retriever '" + url + "' is not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--retriever '" + url + "': expected an http:// or https:// URL");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be 1 or more");
        }
        this.batch = batch;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.token = System.getenv(TOKEN_VARIABLE);
    }

    @Override
    public String id() {
        return uri.toString();
    }

    /** Questions whose batch failed for good in the last {@link #retrieve}. */
    public int failedQuestions() {
        return failed;
    }

    public String lastError() {
        return lastError;
    }

    @Override
    public List<List<Hit>> retrieve(List<Question> questions, int depth, Progress progress) {
        failed = 0;
        progress.start("Asking " + uri + " for " + questions.size() + " questions", questions.size());
        List<List<Hit>> out = new ArrayList<>(questions.size());
        for (int from = 0; from < questions.size(); from += batch) {
            List<Question> part = questions.subList(from, Math.min(questions.size(), from + batch));
            Map<String, List<Hit>> answered = ask(part, depth);
            for (Question q : part) {
                List<Hit> hits = answered == null ? null : answered.get(q.qid());
                if (hits == null) {
                    failed++;
                    hits = List.of();
                }
                out.add(hits.size() > depth ? hits.subList(0, depth) : hits);
            }
            progress.advance(part.size());
        }
        progress.finish();
        return out;
    }

    /** The batch's rankings by qid, or null when every attempt failed. */
    private Map<String, List<Hit>> ask(List<Question> part, int depth) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("k", depth);
        ArrayNode qs = body.putArray("questions");
        part.forEach(q -> qs.addObject().put("qid", q.qid()).put("question", q.question()));
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)));
                if (token != null && !token.isBlank()) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return parse(response.body());
                }
                lastError = uri + " answered HTTP " + response.statusCode();
                if (response.statusCode() / 100 == 4) {
                    throw new IllegalArgumentException(lastError + ": " + shorten(response.body()));
                }
            } catch (IOException e) {
                lastError = uri + ": " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            try {
                Thread.sleep(200L * attempt * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** The rankings in a 2xx answer; an answer that is not the contract's JSON fails for good, since asking again gets the same. */
    private Map<String, List<Hit>> parse(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (IOException e) {
            throw unreadable("not JSON", text);
        }
        JsonNode results = root == null ? null : root.get("results");
        if (results == null || !results.isArray()) {
            throw unreadable("no 'results' array", text);
        }
        Map<String, List<Hit>> out = new HashMap<>();
        for (JsonNode r : results) {
            List<Hit> hits = new ArrayList<>();
            JsonNode list = r.get("hits");
            if (r.get("qid") == null || list == null || !list.isArray()) {
                throw unreadable("a result without 'qid' and a 'hits' array", r.toString());
            }
            for (JsonNode h : list) {
                if (h.get("id") == null) {
                    throw unreadable("a hit without 'id'", h.toString());
                }
                hits.add(new Hit(h.get("id").asText(), h.has("score") ? h.get("score").asDouble() : Double.NaN));
            }
            out.put(r.get("qid").asText(), hits);
        }
        return out;
    }

    private RetrieverFailedException unreadable(String what, String answered) {
        return new RetrieverFailedException("--retriever " + uri + " answered what FailForward cannot read (" + what
                + "; expected {\"results\": [{\"qid\": …, \"hits\": [{\"id\": …, \"score\": …}]}]}): " + shorten(answered));
    }

    private static String shorten(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return one.isEmpty() ? "(empty body)" : "'" + (one.length() > 200 ? one.substring(0, 200) + "…" : one) + "'";
    }
}
