package dev.failforward.rag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one question fared: its relevant passages, what was retrieved (best first), the rank of the
 * first relevant passage (0 when none was retrieved), the metrics, and when it failed, the cause.
 * {@code nearestSimilarity} is the cosine similarity of the question to its nearest passage (NaN
 * without vectors); {@code judged} is false for a question without relevant passages in the qrels.
 * {@code answer} is what a generator answered from the retrieved context (null when none was asked).
 */
public record QuestionResult(Question question, Map<String, Integer> relevant, List<Hit> retrieved, int firstRank,
                             Map<Integer, Boolean> hitAt, Map<Integer, Double> recallAt, double reciprocalRank,
                             double ndcg10, double nearestSimilarity, String nearestPassage, boolean judged,
                             boolean failed, Cause cause, GeneratedAnswer answer) {

    public QuestionResult {
        relevant = Collections.unmodifiableMap(new LinkedHashMap<>(relevant));
        retrieved = List.copyOf(retrieved);
        hitAt = Collections.unmodifiableMap(new LinkedHashMap<>(hitAt));
        recallAt = Collections.unmodifiableMap(new LinkedHashMap<>(recallAt));
    }

    /** Loss as the log keeps it: 1 − the reciprocal rank of the first relevant passage (1 when none). */
    public double loss() {
        return 1.0 - reciprocalRank;
    }

    public QuestionResult withCause(boolean fails, Cause why) {
        return new QuestionResult(question, relevant, retrieved, firstRank, hitAt, recallAt, reciprocalRank, ndcg10,
                nearestSimilarity, nearestPassage, judged, fails, why, answer);
    }

    public QuestionResult withAnswer(GeneratedAnswer generated, boolean fails, Cause why) {
        return new QuestionResult(question, relevant, retrieved, firstRank, hitAt, recallAt, reciprocalRank, ndcg10,
                nearestSimilarity, nearestPassage, judged, fails, why, generated);
    }

    /** The same question shown otherwise (a redacted copy for the report). */
    public QuestionResult withQuestion(Question shown, GeneratedAnswer shownAnswer, Cause shownCause) {
        return new QuestionResult(shown, relevant, retrieved, firstRank, hitAt, recallAt, reciprocalRank, ndcg10,
                nearestSimilarity, nearestPassage, judged, failed, shownCause, shownAnswer);
    }
}
