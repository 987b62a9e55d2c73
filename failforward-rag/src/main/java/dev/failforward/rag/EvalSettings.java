package dev.failforward.rag;

import java.util.List;

/**
 * How questions are judged: the cut-offs reported ({@code ks}), the cut-off a question fails at
 * ({@code failAt}: no relevant passage in the top {@code failAt}), how deep rankings are searched
 * for the diagnosis, and the coverage-gap similarity threshold (NaN: calibrated on the questions).
 */
public record EvalSettings(List<Integer> ks, int failAt, int depth, double gapThreshold) {

    public static final int DEFAULT_DEPTH = 100;

    public EvalSettings {
        ks = List.copyOf(new java.util.TreeSet<>(ks));
        if (ks.isEmpty() || ks.get(0) < 1) {
            throw new IllegalArgumentException("--k needs cut-offs of 1 or more, such as 1,5,10");
        }
        if (failAt < 1) {
            throw new IllegalArgumentException("--fail-at must be 1 or more");
        }
        if (depth < Math.max(failAt, ks.get(ks.size() - 1))) {
            depth = Math.max(failAt, ks.get(ks.size() - 1));
        }
    }

    public static EvalSettings defaults() {
        return new EvalSettings(List.of(1, 5, 10), 10, DEFAULT_DEPTH, Double.NaN);
    }

    /** The cut-offs with {@code failAt} and 10 (for nDCG@10's neighbours) included. */
    public List<Integer> cutoffs() {
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>(ks);
        all.add(failAt);
        return List.copyOf(all);
    }
}
