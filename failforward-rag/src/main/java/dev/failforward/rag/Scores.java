package dev.failforward.rag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rank metrics of one ranking against graded relevant passages. */
final class Scores {

    private Scores() {
    }

    /** 1-based rank of the first relevant passage, 0 when none is in the ranking. */
    static int firstRank(List<Hit> ranking, Map<String, Integer> relevant) {
        for (int i = 0; i < ranking.size(); i++) {
            if (relevant.containsKey(ranking.get(i).id())) {
                return i + 1;
            }
        }
        return 0;
    }

    static Map<Integer, Boolean> hitAt(int firstRank, List<Integer> ks) {
        Map<Integer, Boolean> out = new LinkedHashMap<>();
        for (int k : ks) {
            out.put(k, firstRank > 0 && firstRank <= k);
        }
        return out;
    }

    /** Share of the relevant passages within the top k. */
    static Map<Integer, Double> recallAt(List<Hit> ranking, Map<String, Integer> relevant, List<Integer> ks) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (int k : ks) {
            int found = 0;
            for (int i = 0; i < Math.min(k, ranking.size()); i++) {
                found += relevant.containsKey(ranking.get(i).id()) ? 1 : 0;
            }
            out.put(k, relevant.isEmpty() ? 0.0 : (double) found / relevant.size());
        }
        return out;
    }

    /** nDCG at k with gains 2^grade − 1 and log2 discounts. */
    static double ndcg(List<Hit> ranking, Map<String, Integer> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            Integer grade = relevant.get(ranking.get(i).id());
            if (grade != null) {
                dcg += (Math.pow(2, grade) - 1) / log2(i + 2);
            }
        }
        List<Integer> ideal = relevant.values().stream().sorted((a, b) -> b - a).limit(k).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
