package dev.failforward.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Confident learning (Northcutt, Jiang and Chuang, JAIR 2021) on out-of-sample probabilities.
 * Per-class thresholds are the mean probability of a class over the rows labelled with it; a
 * row counts in the confident joint at (given i, true j) when j is the most probable of the
 * classes whose probability reaches their threshold. A row is a suspected label error when it
 * is among the rows pruned by noise rate (for each off-diagonal cell of the joint, the calibrated
 * count of rows with the largest margin {@code p_j − p_i}), the model predicts another class (as
 * cleanlab's {@code find_label_issues} does), <em>and</em> its label is more likely wrong than right
 * at a prior noise rate ({@link #wrongLabelPosterior}). The last condition calibrates the method to
 * the model's competence: a weak model is seldom sure enough of another class, while confident
 * learning alone counts all its confident mistakes as label noise (35 % of the rows of a four-class
 * target predicted at 48 % accuracy). Its quality is the probability of its given label.
 */
public final class ConfidentLearning {

    /** Suspects ranked worst first; the flags, quality and suggested class of every row; the joint and thresholds. */
    public record Result(int[] ranked, boolean[] issue, double[] quality, int[] suggested, long[][] confidentJoint,
                         double[] thresholds, double noiseRate, double noiseLow, double noiseHigh, double modelError) {

        public int count() {
            return ranked.length;
        }
    }

    private ConfidentLearning() {
    }

    public static Result find(double[] probabilities, int[] labels, int classes) {
        return find(probabilities, labels, classes, 0.1);
    }

    public static Result find(double[] probabilities, int[] labels, int classes, double priorNoise) {
        int n = labels.length;
        int k = classes;
        if (probabilities.length != n * k) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + n + " rows × " + k + " classes");
        }
        double[] sum = new double[k];
        int[] count = new int[k];
        for (int i = 0; i < n; i++) {
            sum[labels[i]] += probabilities[i * k + labels[i]];
            count[labels[i]]++;
        }
        double[] t = new double[k];
        for (int c = 0; c < k; c++) {
            t[c] = count[c] == 0 ? 1 : sum[c] / count[c];
        }
        long[][] joint = new long[k][k];
        int[] confidentTrue = new int[n];
        int[] suggested = new int[n];
        double[] quality = new double[n];
        for (int i = 0; i < n; i++) {
            int best = -1;
            int argmax = 0;
            for (int c = 0; c < k; c++) {
                double p = probabilities[i * k + c];
                if (p >= t[c] && (best < 0 || p > probabilities[i * k + best])) {
                    best = c;
                }
                if (p > probabilities[i * k + argmax]) {
                    argmax = c;
                }
            }
            confidentTrue[i] = best;
            suggested[i] = best >= 0 ? best : argmax;
            quality[i] = probabilities[i * k + labels[i]];
            if (best >= 0) {
                joint[labels[i]][best]++;
            }
        }
        // Calibrate each row of the joint to the number of rows with that given label.
        boolean[] pruned = new boolean[n];
        for (int i = 0; i < k; i++) {
            long rowSum = Arrays.stream(joint[i]).sum();
            if (rowSum == 0) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                if (i == j) {
                    continue;
                }
                int remove = (int) Math.round((double) joint[i][j] / rowSum * count[i]);
                if (remove == 0) {
                    continue;
                }
                List<Integer> rows = new ArrayList<>();
                for (int r = 0; r < n; r++) {
                    if (labels[r] == i) {
                        rows.add(r);
                    }
                }
                int jj = j;
                int ii = i;
                rows.sort(Comparator.comparingDouble((Integer r) -> probabilities[r * k + jj] - probabilities[r * k + ii])
                        .reversed().thenComparingInt(r -> r));
                for (int x = 0; x < Math.min(remove, rows.size()); x++) {
                    pruned[rows.get(x)] = true;
                }
            }
        }
        boolean[] issue = new boolean[n];
        List<Integer> suspects = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (pruned[r] && argmax(probabilities, r, k) != labels[r]
                    && wrongLabelPosterior(quality[r], k, priorNoise) >= 0.5) {
                issue[r] = true;
                suspects.add(r);
            }
        }
        suspects.sort(Comparator.comparingDouble((Integer r) -> quality[r]).thenComparingInt(r -> r));
        int wrong = 0;
        for (int r = 0; r < n; r++) {
            wrong += argmax(probabilities, r, k) != labels[r] ? 1 : 0;
        }
        double[] ci = Wilson.interval(suspects.size(), n);
        return new Result(suspects.stream().mapToInt(Integer::intValue).toArray(), issue, quality, suggested, joint, t,
                n == 0 ? 0 : (double) suspects.size() / n, ci[0], ci[1], n == 0 ? 0 : (double) wrong / n);
    }

    private static int argmax(double[] probabilities, int row, int k) {
        int arg = 0;
        for (int c = 1; c < k; c++) {
            if (probabilities[row * k + c] > probabilities[row * k + arg]) {
                arg = c;
            }
        }
        return arg;
    }

    /**
     * The probability that a row's given label is wrong, when labels are flipped to another class at
     * random with rate {@code noise} and the model's probability of the given label, {@code given}, is
     * calibrated to the labels as given. The true class's probability q of the given label follows from
     * {@code given = (1 − noise)·q + noise·(1 − q)/(k − 1)}; the label is wrong with probability
     * {@code (1 − q)·noise/(k − 1) / given}.
     */
    static double wrongLabelPosterior(double given, int k, double noise) {
        double flip = noise / (k - 1);
        double q = Math.min(1, Math.max(0, (given - flip) / (1 - noise - flip)));
        return given <= 0 ? 1 : Math.min(1, (1 - q) * flip / given);
    }
}
