package dev.failforward.rag;

import java.util.Arrays;

/**
 * The similarity under which a question's nearest passage counts as too far to answer it (the
 * coverage-gap similarity rule), and how it was set: given by the user, or calibrated on the
 * questions the vectors answered — the {@value #QUANTILE} quantile of their nearest-passage
 * similarity, less {@value #MARGIN}: a question less similar to everything in the corpus than
 * nearly all answered questions are to theirs is one the corpus does not cover.
 */
public record GapThreshold(double value, String rule, int calibrationQuestions) {

    static final double QUANTILE = 0.05;
    static final double MARGIN = 0.02;
    /** Fewer answered questions than this leave the rule off unless a threshold is given. */
    static final int MINIMUM = 20;

    public static GapThreshold given(double value) {
        return new GapThreshold(value, "given (--gap-threshold)", 0);
    }

    public static GapThreshold off(String why) {
        return new GapThreshold(Double.NaN, why, 0);
    }

    /** From the nearest-passage similarities of the questions the vectors answered within k. */
    public static GapThreshold calibrate(double[] answered) {
        double[] s = Arrays.stream(answered).filter(Double::isFinite).sorted().toArray();
        if (s.length < MINIMUM) {
            return off("not calibrated: " + s.length + " answered questions, " + MINIMUM + " needed");
        }
        double q = quantile(s, QUANTILE);
        return new GapThreshold(q - MARGIN, String.format(java.util.Locale.ROOT,
                "calibrated: %.0f%% quantile of the nearest-passage similarity of %d questions the vectors answered (%.3f), less %.2f",
                100 * QUANTILE, s.length, q, MARGIN), s.length);
    }

    static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
