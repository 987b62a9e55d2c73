package dev.failforward.rag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.progress.Progress;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A generator behind an OpenAI-compatible chat-completions endpoint (docs/rag.md, "Generator
 * contract"): one {@code POST} per question of {@code {"model": ..., "temperature": 0, "messages":
 * [system, user]}}, the user message holding the numbered passages and the question; the answer is
 * {@code choices[0].message.content}. Up to {@code parallel} requests are in flight at once; each is
 * tried {@value JsonPost#ATTEMPTS} times on a timeout or 5xx; a question whose request still fails
 * gets no answer ({@link #failedQuestions()}). {@code FAILFORWARD_GENERATOR_TOKEN}, when set, is sent
 * as a bearer token.
 */
public final class ChatGenerator implements Generator {

    public static final String TOKEN_VARIABLE = "FAILFORWARD_GENERATOR_TOKEN";
    static final String SYSTEM = "Answer the question from the context passages only. Answer in one or two sentences.";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonPost post;
    private final String model;
    private final int parallel;
    private final AtomicInteger failed = new AtomicInteger();

    public ChatGenerator(String url, String model, int parallel, Duration timeout) {
        if (parallel < 1) {
            throw new IllegalArgumentException("--batch must be 1 or more");
        }
        this.post = new JsonPost("--generator", url, timeout, System.getenv(TOKEN_VARIABLE));
        this.model = model;
        this.parallel = parallel;
    }

    @Override
    public String id() {
        return post.uri().toString();
    }

    /** Questions whose request failed for good in the last {@link #answer}. */
    public int failedQuestions() {
        return failed.get();
    }

    public String lastError() {
        return post.lastError();
    }

    @Override
    public List<String> answer(List<Prompt> prompts, Progress progress) {
        failed.set(0);
        progress.start("Asking " + post.uri() + " to answer " + prompts.size() + " questions", prompts.size());
        List<String> answers = ParallelCalls.each(prompts, parallel, p -> {
            String answer = ask(p);
            if (answer == null) {
                failed.incrementAndGet();
            }
            return answer;
        }, progress);
        progress.finish();
        return answers;
    }

    /** The request body of one question. */
    String body(Prompt p) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", model);
        body.put("temperature", 0);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM);
        messages.addObject().put("role", "user").put("content", prompt(p));
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Context:}, the passages as {@code [1] text}, then {@code Question: ...}. */
    static String prompt(Prompt p) {
        StringBuilder s = new StringBuilder("Context:\n");
        for (int i = 0; i < p.passages().size(); i++) {
            s.append("\n[").append(i + 1).append("] ").append(p.passages().get(i)).append('\n');
        }
        return s.append("\nQuestion: ").append(p.question()).toString();
    }

    private String ask(Prompt p) {
        String answer = post.send(body(p));
        if (answer == null) {
            return null;
        }
        JsonNode content;
        try {
            content = MAPPER.readTree(answer).path("choices").path(0).path("message").path("content");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(post.uri() + " answered what is not JSON: " + JsonPost.shorten(answer));
        }
        if (!content.isTextual()) {
            throw new IllegalArgumentException(post.uri() + " answered without choices[0].message.content: " + JsonPost.shorten(answer));
        }
        return content.asText().strip();
    }
}
