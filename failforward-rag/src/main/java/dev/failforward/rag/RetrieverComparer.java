package dev.failforward.rag;

import dev.failforward.compare.McNemar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Compares two evaluations of the same questions with paired statistics. */
public final class RetrieverComparer {

    public static final int DEFAULT_RESAMPLES = 2000;

    private RetrieverComparer() {
    }

    public static RetrieverComparison compare(RagResult baseline, RagResult candidate, int resamples, long seed) {
        Map<String, QuestionResult> other = new LinkedHashMap<>();
        candidate.questions().forEach(q -> other.put(q.question().qid(), q));
        List<QuestionResult[]> pairs = new ArrayList<>();
        for (QuestionResult b : baseline.questions()) {
            QuestionResult c = other.get(b.question().qid());
            if (b.judged() && c != null && c.judged()) {
                pairs.add(new QuestionResult[] {b, c});
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("the two evaluations share no judged question");
        }
        int k = baseline.settings().failAt();
        List<PairedDelta> overall = deltas(pairs, k, resamples, seed);
        Map<String, List<QuestionResult[]>> groups = new java.util.TreeMap<>();
        pairs.forEach(p -> groups.computeIfAbsent(p[0].question().source() == null ? "(none)" : p[0].question().source(),
                s -> new ArrayList<>()).add(p));
        Map<String, List<PairedDelta>> bySource = new LinkedHashMap<>();
        groups.forEach((s, ps) -> bySource.put(s, deltas(ps, k, resamples, seed)));
        List<String> reasons = new ArrayList<>();
        for (PairedDelta d : overall) {
            if (d.significantlyWorse()) {
                reasons.add(String.format(Locale.ROOT, "%s drops from %.4f to %.4f (%+.4f, 95%% CI [%.4f, %.4f], %s p = %.4g)",
                        d.metric(), d.baseline(), d.candidate(), d.delta(), d.low(), d.high(), d.test(), d.pValue()));
            }
        }
        return new RetrieverComparison(baseline.retriever(), candidate.retriever(), pairs.size(), overall, bySource, reasons);
    }

    private static List<PairedDelta> deltas(List<QuestionResult[]> pairs, int k, int resamples, long seed) {
        List<PairedDelta> out = new ArrayList<>();
        long worse = pairs.stream().filter(p -> p[0].hitAt().get(k) && !p[1].hitAt().get(k)).count();
        long better = pairs.stream().filter(p -> !p[0].hitAt().get(k) && p[1].hitAt().get(k)).count();
        McNemar m = McNemar.test(worse, better);
        PairedDelta hit = bootstrap("hit@" + k, pairs, q -> q.hitAt().get(k) ? 1 : 0, resamples, seed);
        out.add(new PairedDelta(hit.metric(), hit.baseline(), hit.candidate(), hit.delta(), hit.low(), hit.high(), m.pValue(), worse,
                better, "McNemar (" + m.method() + ")"));
        out.add(bootstrap("mrr", pairs, QuestionResult::reciprocalRank, resamples, seed));
        out.add(bootstrap("ndcg@10", pairs, QuestionResult::ndcg10, resamples, seed));
        return out;
    }

    /** Paired bootstrap of the mean difference: questions resampled with replacement, one seeded stream. */
    static PairedDelta bootstrap(String metric, List<QuestionResult[]> pairs, ToDoubleFunction<QuestionResult> value, int resamples, long seed) {
        int n = pairs.size();
        double[] d = new double[n];
        double b = 0;
        double c = 0;
        for (int i = 0; i < n; i++) {
            double x = value.applyAsDouble(pairs.get(i)[0]);
            double y = value.applyAsDouble(pairs.get(i)[1]);
            b += x;
            c += y;
            d[i] = y - x;
        }
        double mean = (c - b) / n;
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        int atOrBelowZero = 0;
        int atOrAboveZero = 0;
        for (int r = 0; r < resamples; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += d[random.nextInt(n)];
            }
            means[r] = s / n;
            atOrBelowZero += means[r] <= 0 ? 1 : 0;
            atOrAboveZero += means[r] >= 0 ? 1 : 0;
        }
        java.util.Arrays.sort(means);
        double p = Math.min(1, 2.0 * Math.min(atOrBelowZero, atOrAboveZero) / resamples);
        if (mean == 0 && means[0] == 0 && means[resamples - 1] == 0) {
            p = 1;
        }
        return new PairedDelta(metric, b / n, c / n, mean, GapThreshold.quantile(means, 0.025), GapThreshold.quantile(means, 0.975), p, 0, 0,
                "paired bootstrap");
    }
}
