package dev.failforward.rag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The coverage-gap rule for questions without qrels, calibrated on the judged ones: a logistic model
 * over three signals of a question's vector ranking, fitted on examples the judged questions give
 * without re-indexing — each judged question with its own relevant passages in the ranking ("answer
 * present") and with them and their near-duplicates dropped from it ("answer removed"). The decision
 * threshold is the {@value #FALSE_ALARMS} quantile from the top of the "answer present" scores, so the
 * rule's false-alarm rate on answerable questions is about one in ten by construction, as the single
 * similarity threshold's was; what it finds of real gaps is measured (docs/rag.md).
 *
 * <p>The signals: the similarity of the question's <em>candidate answer</em>, the nearest passage that
 * is no other judged question's relevant passage (one known to answer something else is weak evidence
 * that this question is covered) and comes from a source some judged question's answer comes from (a
 * source no answer comes from — reference material, distractors — is background); the mean similarity
 * of the top 10 (how close everything is: a similarity means less in a crowded neighbourhood); and the
 * share of claimed passages in the source of the nearest unclaimed passage. Without sources every
 * passage is from one source and the first signal is the nearest unclaimed passage. A signal that does
 * not separate the two kinds on a corpus gets a small weight there: the model is refitted on every
 * evaluation.
 */
public final class GapModel {

    static final double FALSE_ALARMS = 0.10;
    /** Passages this similar to a removed relevant passage are removed with it in the calibration. */
    static final double NEAR_DUPLICATE = 0.9;
    /** Fewer judged questions than this leave the rule off unless a threshold is given. */
    static final int MINIMUM = 20;
    private static final double L2 = 1.0;
    private static final String NO_SOURCE = "";

    /** A question's signals; {@code candidateId} is its candidate answer (null when none is within the ranking's depth). */
    public record Signals(double candidate, String candidateId, double top10, double sourceShare) {
        double[] values() {
            return new double[] {candidate, top10, sourceShare};
        }
    }

    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double threshold;
    private final int questions;
    /** The probabilities of the calibration questions with their answer present, ascending. */
    private final double[] present;

    private GapModel(double[] mean, double[] scale, double[] weights, double[] present) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.present = present;
        this.questions = present.length;
        this.threshold = present.length == 0 ? 0 : threshold(FALSE_ALARMS);
    }

    /** The chance the model gives that the corpus lacks the question's answer. */
    public double probability(Signals s) {
        double[] x = s.values();
        double z = weights[x.length];
        for (int j = 0; j < x.length; j++) {
            z += weights[j] * (x[j] - mean[j]) / scale[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    public boolean gap(Signals s) {
        return probability(s) > threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** The threshold that the given share of the calibration questions with their answer present exceeds. */
    public double threshold(double falseAlarms) {
        return GapThreshold.quantile(present, 1 - falseAlarms);
    }

    /** Judged questions whose two examples it was fitted on. */
    public int questions() {
        return questions;
    }

    /** The weights of the standardised signals (candidate answer, top-10 mean, source share) and the intercept. */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * The signals of a ranking (vector hits, best first) once the passages in {@code dropped} are left
     * out; {@code claimed} are the relevant passages of the other judged questions, {@code shares} each
     * source's share of claimed passages.
     */
    public static Signals signals(List<Hit> vectors, Set<String> dropped, Set<String> claimed, Map<String, Double> shares,
                                  Function<String, String> source) {
        double sum = 0;
        int top = 0;
        Hit unclaimed = null;
        Hit candidate = null;
        Hit last = null;
        for (Hit h : vectors) {
            if (dropped.contains(h.id())) {
                continue;
            }
            last = h;
            if (top < 10) {
                sum += h.score();
                top++;
            }
            if (!claimed.contains(h.id())) {
                unclaimed = unclaimed == null ? h : unclaimed;
                candidate = candidate == null && share(shares, source, h.id()) > 0 ? h : candidate;
            }
        }
        if (last == null) {
            return new Signals(-1, null, -1, 0);
        }
        // No candidate within reach: the deepest similarity bounds the candidate's.
        return new Signals(candidate == null ? last.score() : candidate.score(), candidate == null ? null : candidate.id(), sum / top,
                unclaimed == null ? 0 : share(shares, source, unclaimed.id()));
    }

    private static double share(Map<String, Double> shares, Function<String, String> source, String passage) {
        String s = source.apply(passage);
        return shares.getOrDefault(s == null ? NO_SOURCE : s, 0.0);
    }

    /** The calibration examples: each judged question's signals with its answer present and removed, in the questions' order. */
    public record Examples(List<String> qids, List<Signals> present, List<Signals> removed) {
    }

    /**
     * The examples the judged questions whose relevant passages are indexed give: each one's vector
     * ranking as it is, and without its relevant passages and their near-duplicates (no re-indexing).
     */
    public static Examples examples(RagIndex index, List<LocalRankings> local, List<Question> questions, Qrels qrels) {
        Set<String> claimed = new HashSet<>();
        Map<String, Integer> claims = new HashMap<>();
        questions.forEach(q -> qrels.relevant(q.qid()).keySet().forEach(p -> {
            claimed.add(p);
            claims.merge(p, 1, Integer::sum);
        }));
        Map<String, Double> shares = sourceShares(index.passageIds(), claimed, index::source);
        List<String> qids = new ArrayList<>();
        List<Signals> present = new ArrayList<>();
        List<Signals> removed = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            List<String> own = qrels.relevant(questions.get(i).qid()).keySet().stream().filter(index::contains).toList();
            if (own.isEmpty() || local.get(i).vectors().isEmpty()) {
                continue;
            }
            // The passages other judged questions claim: this question's own ones only if another question shares them.
            Set<String> others = new HashSet<>(claimed);
            own.stream().filter(p -> claims.get(p) == 1).forEach(others::remove);
            Set<String> dropped = new HashSet<>(own);
            own.forEach(p -> dropped.addAll(index.nearDuplicates(p, NEAR_DUPLICATE)));
            qids.add(questions.get(i).qid());
            present.add(signals(local.get(i).vectors(), Set.of(), others, shares, index::source));
            removed.add(signals(local.get(i).vectors(), dropped, others, shares, index::source));
        }
        return new Examples(qids, present, removed);
    }

    /** Each source's share of passages that are relevant to a judged question ({@code claimed}), over the index's passages. */
    public static Map<String, Double> sourceShares(Set<String> passages, Set<String> claimed, Function<String, String> source) {
        Map<String, int[]> counts = new HashMap<>();
        for (String p : passages) {
            String s = source.apply(p);
            int[] c = counts.computeIfAbsent(s == null ? NO_SOURCE : s, k -> new int[2]);
            c[0]++;
            c[1] += claimed.contains(p) ? 1 : 0;
        }
        Map<String, Double> out = new HashMap<>();
        counts.forEach((s, c) -> out.put(s, c[1] / (double) c[0]));
        return out;
    }

    /**
     * Fits the model on the signals of the judged questions with their answer present and removed
     * (the same questions, in the same order); null when fewer than {@link #MINIMUM} questions.
     */
    public static GapModel fit(List<Signals> present, List<Signals> removed) {
        int n = present.size();
        if (n < MINIMUM || removed.size() != n) {
            return null;
        }
        int d = present.get(0).values().length;
        double[][] x = new double[2 * n][];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[i] = present.get(i).values();
            x[n + i] = removed.get(i).values();
            y[n + i] = 1;
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            final int c = j;
            mean[j] = Arrays.stream(x).mapToDouble(r -> r[c]).average().orElse(0);
            double var = Arrays.stream(x).mapToDouble(r -> (r[c] - mean[c]) * (r[c] - mean[c])).average().orElse(0);
            // A signal constant on this corpus (no sources, say) stays at 0 and gets no weight.
            scale[j] = var > 1e-12 ? Math.sqrt(var) : 1;
        }
        double[][] z = new double[2 * n][d + 1];
        for (int i = 0; i < 2 * n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
            z[i][d] = 1;
        }
        double[] w = newton(z, y);
        GapModel model = new GapModel(mean, scale, w, new double[0]);
        return new GapModel(mean, scale, w, present.stream().mapToDouble(model::probability).sorted().toArray());
    }

    /** L2-penalised logistic regression (the intercept unpenalised) by Newton's method: deterministic, a few steps. */
    private static double[] newton(double[][] z, double[] y) {
        int d = z[0].length;
        double[] w = new double[d];
        for (int step = 0; step < 50; step++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (int i = 0; i < z.length; i++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += w[j] * z[i][j];
                }
                double p = 1 / (1 + Math.exp(-dot));
                for (int j = 0; j < d; j++) {
                    g[j] += (p - y[i]) * z[i][j];
                    for (int k = 0; k < d; k++) {
                        h[j][k] += p * (1 - p) * z[i][j] * z[i][k];
                    }
                }
            }
            for (int j = 0; j < d - 1; j++) {
                g[j] += L2 * w[j];
                h[j][j] += L2;
            }
            double[] delta = solve(h, g);
            double largest = 0;
            for (int j = 0; j < d; j++) {
                w[j] -= delta[j];
                largest = Math.max(largest, Math.abs(delta[j]));
            }
            if (largest < 1e-10) {
                break;
            }
        }
        return w;
    }

    /** Gaussian elimination with partial pivoting (the system is small and positive definite). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        double[] v = b.clone();
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            double tv = v[c];
            v[c] = v[pivot];
            v[pivot] = tv;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k < n; k++) {
                    m[r][k] -= f * m[c][k];
                }
                v[r] -= f * v[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = v[r];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
