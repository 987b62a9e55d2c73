package dev.failforward.rag;

import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.PredictionRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluation as failure-log records: one prediction per question and one failure (origin
 * {@value #ORIGIN}) per failed question. Row key = qid; input = the question and its metadata;
 * expected = the relevant passage ids (comma-separated); predicted = the top-ranked id; the top
 * {@code fail-at} retrieved ids with their scores in the failure's score map (in rank order); loss =
 * 1 − the reciprocal rank of the first relevant passage; the cause in the cause tags. A {@code generator}
 * failure (retrieval was right, the answer was not) keeps the reference answer as expected, the generated
 * answer as predicted, the passages given as context with their scores, and loss = 1 − the answer's token F1.
 */
public final class RagFailures {

    public static final String ORIGIN = "rag";

    private RagFailures() {
    }

    public static List<PredictionRecord> predictions(RagResult result) {
        List<PredictionRecord> out = new ArrayList<>();
        for (QuestionResult q : result.questions()) {
            if (q.judged() || q.failed()) {
                out.add(new PredictionRecord(q.question().qid(), expected(q), predicted(q), new double[0], q.reciprocalRank(),
                        loss(q), q.failed()));
            }
        }
        return out;
    }

    public static List<Failure> failures(RagResult result, String runId) {
        List<Failure> out = new ArrayList<>();
        int number = 1;
        for (QuestionResult q : result.failures()) {
            Map<String, Object> input = input(q.question());
            Map<String, Double> retrieved = new LinkedHashMap<>();
            int shown = generatorFailure(q) ? q.answer().context().size() : result.settings().failAt();
            q.retrieved().stream().limit(shown).forEach(h -> retrieved.put(h.id(), h.score()));
            out.add(new Failure(runId + "-" + number++, runId, q.question().qid(), ORIGIN, input, expected(q), predicted(q),
                    retrieved, null, null, loss(q), List.of(q.cause().tag()),
                    Fingerprints.failure(q.question().qid(), input, ORIGIN, Map.of())));
        }
        return out;
    }

    /** The question as the log keeps it: {@code question}, then {@code source} and the other fields. */
    public static Map<String, Object> input(Question q) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("question", q.question());
        if (q.source() != null) {
            input.put("source", q.source());
        }
        q.metadata().forEach(input::putIfAbsent);
        return input;
    }

    private static boolean generatorFailure(QuestionResult q) {
        return q.failed() && q.answer() != null && Cause.GENERATOR.equals(q.cause().tag());
    }

    private static double loss(QuestionResult q) {
        return generatorFailure(q) ? 1.0 - q.answer().f1() : q.loss();
    }

    private static String expected(QuestionResult q) {
        if (generatorFailure(q)) {
            return q.question().answer();
        }
        return q.relevant().isEmpty() ? null : String.join(",", q.relevant().keySet());
    }

    private static String predicted(QuestionResult q) {
        if (generatorFailure(q)) {
            return q.answer().text();
        }
        return q.retrieved().isEmpty() ? null : q.retrieved().get(0).id();
    }
}
