package dev.failforward.rag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Metrics over a set of judged questions: hit@k, recall@k, MRR and nDCG@10 (means over the questions). */
public record RetrievalMetrics(int questions, int failed, Map<Integer, Double> hitAt, Map<Integer, Double> recallAt,
                               double mrr, double ndcg10) {

    public RetrievalMetrics {
        hitAt = Collections.unmodifiableMap(new LinkedHashMap<>(hitAt));
        recallAt = Collections.unmodifiableMap(new LinkedHashMap<>(recallAt));
    }

    public static RetrievalMetrics of(List<QuestionResult> results, List<Integer> ks) {
        List<QuestionResult> judged = results.stream().filter(QuestionResult::judged).toList();
        int n = judged.size();
        Map<Integer, Double> hit = new LinkedHashMap<>();
        Map<Integer, Double> recall = new LinkedHashMap<>();
        for (int k : ks) {
            hit.put(k, n == 0 ? Double.NaN : judged.stream().filter(r -> r.hitAt().get(k)).count() / (double) n);
            recall.put(k, n == 0 ? Double.NaN : judged.stream().mapToDouble(r -> r.recallAt().get(k)).average().orElse(Double.NaN));
        }
        double mrr = judged.stream().mapToDouble(QuestionResult::reciprocalRank).average().orElse(Double.NaN);
        double ndcg = judged.stream().mapToDouble(QuestionResult::ndcg10).average().orElse(Double.NaN);
        int failed = (int) results.stream().filter(QuestionResult::failed).count();
        return new RetrievalMetrics(n, failed, hit, recall, mrr, ndcg);
    }

    /** As the run stores them: {@code hit@k}, {@code recall@k}, {@code mrr}, {@code ndcg@10}. */
    public Map<String, Double> asMap() {
        Map<String, Double> out = new LinkedHashMap<>();
        hitAt.forEach((k, v) -> out.put("hit@" + k, v));
        recallAt.forEach((k, v) -> out.put("recall@" + k, v));
        out.put("mrr", mrr);
        out.put("ndcg@10", ndcg10);
        return out;
    }
}
