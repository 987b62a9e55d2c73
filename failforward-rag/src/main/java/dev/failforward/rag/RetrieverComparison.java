package dev.failforward.rag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two retrievers on the same judged questions: hit@k (McNemar), MRR and nDCG@10 (paired bootstrap),
 * overall and per source, and the gate's verdict: blocked when the candidate is significantly worse
 * on any of them overall, with one reason per metric.
 */
public record RetrieverComparison(String baseline, String candidate, int questions, List<PairedDelta> overall,
                                  Map<String, List<PairedDelta>> bySource, List<String> reasons) {

    public RetrieverComparison {
        overall = List.copyOf(overall);
        bySource = Collections.unmodifiableMap(new LinkedHashMap<>(bySource));
        reasons = List.copyOf(reasons);
    }

    public boolean blocked() {
        return !reasons.isEmpty();
    }
}
