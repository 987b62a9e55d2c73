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
 * 1 − the reciprocal rank of the first relevant passage; the cause in the cause tags.
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
                        q.loss(), q.failed()));
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
            q.retrieved().stream().limit(result.settings().failAt()).forEach(h -> retrieved.put(h.id(), h.score()));
            out.add(new Failure(runId + "-" + number++, runId, q.question().qid(), ORIGIN, input, expected(q), predicted(q),
                    retrieved, null, null, q.loss(), List.of(q.cause().tag()),
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

    private static String expected(QuestionResult q) {
        return q.relevant().isEmpty() ? null : String.join(",", q.relevant().keySet());
    }

    private static String predicted(QuestionResult q) {
        return q.retrieved().isEmpty() ? null : q.retrieved().get(0).id();
    }
}
