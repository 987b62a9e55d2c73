package dev.failforward.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.progress.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A retriever behind HTTP (docs/rag.md, "Retriever contract"): {@code POST} of
 * {@code {"k": 10, "questions": [{"qid": "q1", "question": "..."}]}}, answered by
 * {@code {"results": [{"qid": "q1", "hits": [{"id": "doc-7", "score": 0.83}]}]}}. Questions go in
 * batches; a batch that times out or gets a 5xx is tried {@value JsonPost#ATTEMPTS} times with growing
 * pauses; a batch that still fails counts its questions as retrieving nothing ({@link #failedQuestions()}).
 * An answer that is not the contract's JSON stops the evaluation ({@link RetrieverFailedException}).
 * {@code FAILFORWARD_RAG_TOKEN}, when set, is sent as a bearer token.
 */
public final class HttpRetriever implements Retriever {

    public static final String TOKEN_VARIABLE = "FAILFORWARD_RAG_TOKEN";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonPost post;
    private final int batch;
    private int failed;

    public HttpRetriever(String url, int batch, Duration timeout) {
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be 1 or more");
        }
        this.post = new JsonPost("--retriever", url, timeout, System.getenv(TOKEN_VARIABLE));
        this.batch = batch;
    }

    @Override
    public String id() {
        return post.uri().toString();
    }

    /** Questions whose batch failed for good in the last {@link #retrieve}. */
    public int failedQuestions() {
        return failed;
    }

    public String lastError() {
        return post.lastError();
    }

    @Override
    public List<List<Hit>> retrieve(List<Question> questions, int depth, Progress progress) {
        failed = 0;
        progress.start("Asking " + post.uri() + " for " + questions.size() + " questions", questions.size());
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
        String answer;
        try {
            answer = post.send(MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer == null ? null : parse(answer);
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
        return new RetrieverFailedException("--retriever " + post.uri() + " answered what FailForward cannot read (" + what
                + "; expected {\"results\": [{\"qid\": …, \"hits\": [{\"id\": …, \"score\": …}]}]}): " + JsonPost.shorten(answered));
    }
}
