package dev.failforward.cli;

import dev.failforward.failure.Redaction;
import dev.failforward.rag.Cause;
import dev.failforward.rag.FailureCluster;
import dev.failforward.rag.GeneratedAnswer;
import dev.failforward.rag.Question;
import dev.failforward.rag.QuestionResult;
import dev.failforward.rag.RagResult;
import dev.failforward.rag.RetrievalMetrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A result with the redacted question fields replaced by their keyed hashes wherever they appear: the
 * questions, the sources the metrics are grouped by, the reference and generated answers and the
 * evidence that quotes them, the clusters' representative questions. The log and every file written
 * get this copy.
 */
final class RagRedaction {

    static final String QUESTION = "question";
    static final String SOURCE = "source";
    static final String ANSWER = "answer";

    private RagRedaction() {
    }

    static RagResult apply(RagResult r, Redaction redactor) {
        Map<String, String> text = new LinkedHashMap<>();
        List<QuestionResult> questions = r.questions().stream().map(q -> {
            Question hidden = hide(q.question(), redactor);
            text.put(q.question().question(), hidden.question());
            return q.withQuestion(hidden, answer(q.answer(), redactor), cause(q.cause(), redactor));
        }).toList();
        List<FailureCluster> clusters = r.clusters().stream().map(c -> new FailureCluster(c.id(), c.qids(),
                c.representatives().stream().map(s -> text.getOrDefault(s, s)).toList(), c.nearestPassages(), c.cause(), c.advice())).toList();
        Map<String, RetrievalMetrics> bySource = new LinkedHashMap<>();
        r.bySource().forEach((s, m) -> bySource.put(sourceName(s, redactor), m));
        return new RagResult(r.retriever(), r.mode(), r.index(), r.settings(), r.threshold(), r.overall(), bySource, r.byMode(),
                questions, clusters);
    }

    /** A source as the reports name it: its hash when sources are redacted ({@code (none)} stays). */
    static String sourceName(String source, Redaction redactor) {
        return redactor.columns().contains(SOURCE) && !"(none)".equals(source) ? redactor.hash(source) : source;
    }

    /** A question's text as files show it. */
    static String questionText(String text, Redaction redactor) {
        return hidden(redactor, QUESTION, text);
    }

    private static Question hide(Question q, Redaction redactor) {
        Map<String, String> metadata = new LinkedHashMap<>(q.metadata());
        metadata.replaceAll((k, v) -> redactor.columns().contains(k) && v != null ? redactor.hash(v) : v);
        return new Question(q.qid(), hidden(redactor, QUESTION, q.question()), hidden(redactor, SOURCE, q.source()),
                hidden(redactor, ANSWER, q.answer()), metadata);
    }

    private static GeneratedAnswer answer(GeneratedAnswer a, Redaction redactor) {
        return a == null ? null : new GeneratedAnswer(hidden(redactor, ANSWER, a.text()), a.f1(), a.context());
    }

    /** Evidence that quotes an answer (the generator rule's) keeps its hash. */
    private static Cause cause(Cause c, Redaction redactor) {
        if (c == null || !redactor.columns().contains(ANSWER)) {
            return c;
        }
        Map<String, Object> evidence = new LinkedHashMap<>(c.evidence());
        for (String quoted : List.of("answer", "reference")) {
            if (evidence.get(quoted) instanceof String s) {
                evidence.put(quoted, redactor.hash(s));
            }
        }
        return new Cause(c.tag(), c.explanation(), evidence);
    }

    private static String hidden(Redaction redactor, String field, String value) {
        return value != null && redactor.columns().contains(field) ? redactor.hash(value) : value;
    }
}
