package dev.failforward.model.external;

/**
 * Turns a model's scores for one row into class probabilities: as they are, or through a declared
 * softmax or sigmoid; one score for two classes is P(second class). Scores taken as they are must be
 * probabilities: a value outside [0, 1] is raw scores (logits) without a declared activation, which
 * would give meaningless metrics, so it is an error that says which key to set.
 */
public final class Scores {

    private Scores() {
    }

    /** {@code activation} is {@code none}, {@code softmax} or {@code sigmoid}; {@code what} names the output in errors. */
    public static double[] probabilities(double[] s, int classes, String activation, String what) {
        if (s.length == 1 && classes == 2) {
            double positive = activation.equals("sigmoid") ? sigmoid(s[0]) : probability(s[0], what);
            return new double[]{1 - positive, positive};
        }
        if (s.length != classes) {
            throw new IllegalArgumentException(what + " gives " + s.length + " scores per row for the " + classes + " classes of the target");
        }
        double[] p = new double[classes];
        switch (activation) {
            case "softmax" -> {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : s) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    p[c] = Math.exp(s[c] - max);
                    sum += p[c];
                }
                for (int c = 0; c < classes; c++) {
                    p[c] /= sum;
                }
            }
            case "sigmoid" -> {
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    p[c] = sigmoid(s[c]);
                    sum += p[c];
                }
                for (int c = 0; c < classes; c++) {
                    p[c] /= sum;
                }
            }
            default -> {
                for (int c = 0; c < classes; c++) {
                    p[c] = probability(s[c], what);
                }
            }
        }
        return p;
    }

    /** Slack for probabilities computed in single precision. */
    private static final double SLACK = 1e-6;

    private static double probability(double v, String what) {
        if (!(v >= -SLACK && v <= 1 + SLACK)) {
            throw new IllegalArgumentException(what + " gives the score " + v + ", which is not a probability; if it is a raw score "
                    + "(logit), declare \"activation\": \"softmax\" (or \"sigmoid\") in --model-config");
        }
        return v;
    }

    public static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
