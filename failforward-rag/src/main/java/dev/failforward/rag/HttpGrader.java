package dev.failforward.rag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.progress.Progress;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A judge behind HTTP (docs/rag.md, "Judge contract"): one {@code POST} per answer of
 * {@code {"qid": ..., "question": ..., "reference": ..., "answer": ...}}, answered by
 * {@code {"correct": true}} or {@code {"correct": false}}. Requests in parallel, timeouts and retries as
 * for the generator; {@code FAILFORWARD_GENERATOR_TOKEN}, when set, is sent as a bearer token.
 */
public final class HttpGrader implements AnswerGrader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonPost post;
    private final int parallel;
    private final AtomicInteger failed = new AtomicInteger();

    public HttpGrader(String url, int parallel, Duration timeout) {
        if (parallel < 1) {
            throw new IllegalArgumentException("--batch must be 1 or more");
        }
        this.post = new JsonPost("--judge", url, timeout, System.getenv(ChatGenerator.TOKEN_VARIABLE));
        this.parallel = parallel;
    }

    @Override
    public String id() {
        return post.uri().toString();
    }

    /** Answers that got no verdict in the last {@link #grade}. */
    public int failedAnswers() {
        return failed.get();
    }

    public String lastError() {
        return post.lastError();
    }

    @Override
    public List<Boolean> grade(List<Graded> answers, Progress progress) {
        failed.set(0);
        progress.start("Asking " + post.uri() + " to judge " + answers.size() + " answers", answers.size());
        List<Boolean> verdicts = ParallelCalls.each(answers, parallel, this::ask, progress);
        progress.finish();
        return verdicts;
    }

    private Boolean ask(Graded g) {
        String body;
        try {
            body = MAPPER.writeValueAsString(MAPPER.createObjectNode().put("qid", g.qid()).put("question", g.question())
                    .put("reference", g.reference()).put("answer", g.answer()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String answer = post.send(body);
        if (answer == null) {
            failed.incrementAndGet();
            return null;
        }
        JsonNode correct;
        try {
            correct = MAPPER.readTree(answer).path("correct");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(post.uri() + " answered what is not JSON: " + JsonPost.shorten(answer));
        }
        if (!correct.isBoolean()) {
            throw new IllegalArgumentException(post.uri() + " answered without a boolean 'correct': " + JsonPost.shorten(answer));
        }
        return correct.asBoolean();
    }
}
