package dev.failforward.rag;

import java.util.Locale;

/**
 * How the coverage-gap rule for questions without judged relevant passages decides, for the reports:
 * a similarity given by the user (the nearest passage below it is a gap), or the {@link GapModel}
 * calibrated on the judged questions ({@code value} is then its probability threshold), or off.
 */
public record GapThreshold(double value, String rule, int calibrationQuestions, GapModel model) {

    public static GapThreshold given(double value) {
        return new GapThreshold(value, "given (--gap-threshold): nearest passage similarity", 0, null);
    }

    public static GapThreshold off(String why) {
        return new GapThreshold(Double.NaN, why, 0, null);
    }

    /** The calibrated model, or off when too few judged questions were there to fit it (null). */
    public static GapThreshold calibrated(GapModel model, int judged) {
        if (model == null) {
            return off("not calibrated: " + judged + " judged questions with their passages indexed, " + GapModel.MINIMUM + " needed");
        }
        double[] w = model.weights();
        return new GapThreshold(model.threshold(), String.format(Locale.ROOT,
                "calibrated: logistic model fitted on %d judged questions with their answer present and removed "
                        + "(weights: candidate answer %.2f, top-10 mean %.2f, source share %.2f); "
                        + "threshold at %.0f%% false alarms on the questions with their answer present",
                model.questions(), w[0], w[1], w[2], 100 * GapModel.FALSE_ALARMS), model.questions(), model);
    }

    static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
