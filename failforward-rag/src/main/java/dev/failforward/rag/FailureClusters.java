package dev.failforward.rag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Groups failed questions by k-means over their embeddings (k-means++ start from a seeded stream,
 * cosine on unit vectors), k = round(sqrt(n / 2)) between 1 and {@value #MAX_CLUSTERS}.
 */
final class FailureClusters {

    static final int MAX_CLUSTERS = 8;
    private static final int ITERATIONS = 50;
    private static final int REPRESENTATIVES = 3;

    private FailureClusters() {
    }

    static List<FailureCluster> of(List<QuestionResult> results, List<LocalRankings> local, List<Question> questions,
                                   RagIndex index, long seed) {
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).failed() && local.get(i).vector() != null) {
                failed.add(i);
            }
        }
        if (failed.isEmpty()) {
            return List.of();
        }
        int n = failed.size();
        float[][] x = new float[n][];
        for (int j = 0; j < n; j++) {
            x[j] = local.get(failed.get(j)).vector();
        }
        int k = Math.max(1, Math.min(MAX_CLUSTERS, (int) Math.round(Math.sqrt(n / 2.0))));
        int[] assign = kMeans(x, k, seed);
        List<FailureCluster> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            List<Integer> members = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (assign[j] == c) {
                    members.add(j);
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            float[] centre = centre(x, members);
            List<Integer> byCloseness = members.stream().sorted(Comparator.comparingDouble((Integer j) -> -dot(x[j], centre))
                    .thenComparing(j -> j)).toList();
            Map<String, Integer> causes = new HashMap<>();
            members.forEach(j -> causes.merge(results.get(failed.get(j)).cause().tag(), 1, Integer::sum));
            String cause = causes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).findFirst().orElseThrow().getKey();
            out.add(new FailureCluster(0,
                    byCloseness.stream().map(j -> questions.get(failed.get(j)).qid()).toList(),
                    byCloseness.stream().limit(REPRESENTATIVES).map(j -> questions.get(failed.get(j)).question()).toList(),
                    index.vector(centre, REPRESENTATIVES), cause, Cause.advice(cause)));
        }
        out.sort(Comparator.comparingInt((FailureCluster f) -> -f.qids().size()).thenComparing(f -> f.qids().get(0)));
        List<FailureCluster> numbered = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            FailureCluster f = out.get(i);
            numbered.add(new FailureCluster(i + 1, f.qids(), f.representatives(), f.nearestPassages(), f.cause(), f.advice()));
        }
        return numbered;
    }

    static int[] kMeans(float[][] x, int k, long seed) {
        int n = x.length;
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> centres = new ArrayList<>();
        centres.add(x[random.nextInt(n)]);
        while (centres.size() < k) {
            double[] d = new double[n];
            double total = 0;
            for (int j = 0; j < n; j++) {
                double best = Double.MAX_VALUE;
                for (float[] c : centres) {
                    best = Math.min(best, 1 - dot(x[j], c));
                }
                d[j] = Math.max(0, best);
                total += d[j];
            }
            double pick = random.nextDouble() * total;
            int chosen = n - 1;
            for (int j = 0; j < n; j++) {
                pick -= d[j];
                if (pick <= 0) {
                    chosen = j;
                    break;
                }
            }
            centres.add(x[chosen]);
        }
        int[] assign = new int[n];
        for (int it = 0; it < ITERATIONS; it++) {
            boolean moved = false;
            for (int j = 0; j < n; j++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (dot(x[j], centres.get(c)) > dot(x[j], centres.get(best))) {
                        best = c;
                    }
                }
                moved |= best != assign[j] || it == 0;
                assign[j] = best;
            }
            if (!moved) {
                break;
            }
            for (int c = 0; c < k; c++) {
                List<Integer> members = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    if (assign[j] == c) {
                        members.add(j);
                    }
                }
                if (!members.isEmpty()) {
                    centres.set(c, centre(x, members));
                }
            }
        }
        return assign;
    }

    /** The members' mean, scaled to length 1. */
    private static float[] centre(float[][] x, List<Integer> members) {
        int d = x[members.get(0)].length;
        double[] sum = new double[d];
        for (int j : members) {
            for (int i = 0; i < d; i++) {
                sum[i] += x[j][i];
            }
        }
        double norm = 0;
        for (double v : sum) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[d];
        for (int i = 0; i < d; i++) {
            out[i] = (float) (norm == 0 ? 0 : sum[i] / norm);
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
