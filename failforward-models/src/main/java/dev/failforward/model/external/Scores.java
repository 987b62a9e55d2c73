package dev.failforward.model.external;

/**
 * Turns a model's scores for one row into class probabilities: as they are, or through a declared
 * softmax or sigmoid; one score for two classes is P(second class).
 */
public final class Scores {

    private Scores() {
    }

    /** {@code activation} is {@code none}, {@code softmax} or {@code sigmoid}; {@code what} names the output in errors. */
    public static double[] probabilities(double[] s, int classes, String activation, String what) {
        if (s.length == 1 && classes == 2) {
            double positive = activation.equals("sigmoid") ? sigmoid(s[0]) : s[0];
            return new double[]{1 - positive, positive};
        }
        if (s.length != classes) {
            throw new IllegalStateException(what + " gives " + s.length + " scores per row for " + classes + " classes");
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
            default -> System.arraycopy(s, 0, p, 0, classes);
        }
        return p;
    }

    public static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
