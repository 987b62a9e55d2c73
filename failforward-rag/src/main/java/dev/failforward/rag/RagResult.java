package dev.failforward.rag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation: the retriever and how it was judged, the metrics overall, per source and (for a
 * local index) of every mode on the same questions, each question's result, the causes counted,
 * and clusters of the failed questions.
 */
public record RagResult(String retriever, Mode mode, IndexInfo index, EvalSettings settings, GapThreshold threshold,
                        RetrievalMetrics overall, Map<String, RetrievalMetrics> bySource, Map<Mode, RetrievalMetrics> byMode,
                        List<QuestionResult> questions, List<FailureCluster> clusters) {

    public RagResult {
        bySource = Collections.unmodifiableMap(new LinkedHashMap<>(bySource));
        byMode = Collections.unmodifiableMap(new LinkedHashMap<>(byMode));
        questions = List.copyOf(questions);
        clusters = List.copyOf(clusters);
    }

    public List<QuestionResult> failures() {
        return questions.stream().filter(QuestionResult::failed).toList();
    }

    /** Questions a generator answered (see {@link AnswerCheck}). */
    public int answered() {
        return (int) questions.stream().filter(q -> q.answer() != null).count();
    }

    /** Mean token F1 of the generated answers against their references (NaN when none was answered). */
    public double answerF1() {
        return questions.stream().filter(q -> q.answer() != null).mapToDouble(q -> q.answer().f1()).average().orElse(Double.NaN);
    }

    /** Failed questions per cause tag, most frequent first. */
    public Map<String, Integer> causes() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        failures().forEach(q -> counts.merge(q.cause().tag(), 1, Integer::sum));
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
