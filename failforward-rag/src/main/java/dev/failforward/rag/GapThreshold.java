package dev.failforward.rag;

import java.util.Arrays;

/**
 * The similarity under which a question's nearest passage counts as too far to answer it (the
 * coverage-gap similarity rule, for questions without judged relevant passages), and how it was set:
 * given by the user, or calibrated on the judged questions the vectors answer (a relevant passage
 * within k) — the {@value #QUANTILE} quantile of the similarity between each such question and its own
 * relevant passage. An answerable question's nearest passage is at least as similar as its answer, so
 * about one answerable question in ten without qrels is called a gap by it (the rule's false-alarm rate
 * by construction); what it finds of real gaps depends on the embedder and the corpus (docs/rag.md).
 */
public record GapThreshold(double value, String rule, int calibrationQuestions) {

    static final double QUANTILE = 0.10;
    /** Fewer answered questions than this leave the rule off unless a threshold is given. */
    static final int MINIMUM = 20;

    public static GapThreshold given(double value) {
        return new GapThreshold(value, "given (--gap-threshold)", 0);
    }

    public static GapThreshold off(String why) {
        return new GapThreshold(Double.NaN, why, 0);
    }

    /** From the similarities of the questions the vectors answered within k to their own relevant passage. */
    public static GapThreshold calibrate(double[] answered) {
        double[] s = Arrays.stream(answered).filter(Double::isFinite).sorted().toArray();
        if (s.length < MINIMUM) {
            return off("not calibrated: " + s.length + " answered questions, " + MINIMUM + " needed");
        }
        double q = quantile(s, QUANTILE);
        return new GapThreshold(q, String.format(java.util.Locale.ROOT,
                "calibrated: %.0f%% quantile of the similarity of %d questions the vectors answered to their relevant passage",
                100 * QUANTILE, s.length), s.length);
    }

    static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
