package dev.failforward.cli;

import dev.failforward.failure.Redaction;
import dev.failforward.rag.FailureCluster;
import dev.failforward.rag.Question;
import dev.failforward.rag.QuestionResult;
import dev.failforward.rag.RagResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gap report's copy of a result with redacted question fields replaced by their keyed hashes, as in the log. */
final class RagRedaction {

    private RagRedaction() {
    }

    static RagResult apply(RagResult r, Redaction redactor) {
        Map<String, String> text = new LinkedHashMap<>();
        List<QuestionResult> questions = r.questions().stream().map(q -> {
            Question hidden = hide(q.question(), redactor);
            text.put(q.question().question(), hidden.question());
            return q.withQuestion(hidden, q.answer(), q.cause());
        }).toList();
        List<FailureCluster> clusters = r.clusters().stream().map(c -> new FailureCluster(c.id(), c.qids(),
                c.representatives().stream().map(s -> text.getOrDefault(s, s)).toList(), c.nearestPassages(), c.cause(), c.advice())).toList();
        return new RagResult(r.retriever(), r.mode(), r.index(), r.settings(), r.threshold(), r.overall(), r.bySource(), r.byMode(),
                questions, clusters);
    }

    private static Question hide(Question q, Redaction redactor) {
        Map<String, String> metadata = new LinkedHashMap<>(q.metadata());
        metadata.replaceAll((k, v) -> redactor.columns().contains(k) && v != null ? redactor.hash(v) : v);
        return new Question(q.qid(), hidden(redactor, "question", q.question()), hidden(redactor, "source", q.source()),
                hidden(redactor, "answer", q.answer()), metadata);
    }

    private static String hidden(Redaction redactor, String field, String value) {
        return value != null && redactor.columns().contains(field) ? redactor.hash(value) : value;
    }
}
