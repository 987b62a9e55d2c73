package dev.failforward.model.text;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A multinomial logistic regression on standardised vectors: per input number a mean and scale,
 * per class a weight vector and a bias. Fitted by full-batch gradient descent (Adam steps) on the
 * mean cross-entropy plus an L2 penalty, from zero weights and in a fixed order, so the same data
 * always gives the same weights.
 */
public record LogisticWeights(double[] mean, double[] scale, double[][] weights, double[] bias) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Full passes over the training vectors. */
    static final int ITERATIONS = 300;
    static final double LEARNING_RATE = 0.05;
    /** L2 penalty on the weights (standardised inputs). */
    static final double L2 = 0.01;

    public LogisticWeights {
        if (mean.length != scale.length || weights.length != bias.length || weights.length < 2
                || Arrays.stream(weights).anyMatch(w -> w.length != mean.length)) {
            throw new IllegalArgumentException("inconsistent logistic regression weights");
        }
    }

    public int classes() {
        return bias.length;
    }

    public int dimensions() {
        return mean.length;
    }

    /** Fits {@code classes} classes to vectors {@code x} with class indexes {@code y}. */
    static LogisticWeights fit(float[][] x, int[] y, int classes) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / n);
            scale[j] = sd > 1e-12 ? sd : 1;
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        double[][] w = new double[classes][d];
        double[] b = new double[classes];
        Adam adamW = new Adam(classes * d);
        Adam adamB = new Adam(classes);
        double[] p = new double[classes];
        for (int it = 1; it <= ITERATIONS; it++) {
            double[][] gw = new double[classes][d];
            double[] gb = new double[classes];
            for (int i = 0; i < n; i++) {
                softmax(w, b, z[i], p);
                for (int c = 0; c < classes; c++) {
                    double g = (p[c] - (y[i] == c ? 1 : 0)) / n;
                    gb[c] += g;
                    double[] row = gw[c];
                    double[] zi = z[i];
                    for (int j = 0; j < d; j++) {
                        row[j] += g * zi[j];
                    }
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < d; j++) {
                    gw[c][j] += L2 * w[c][j];
                }
                adamW.step(w[c], gw[c], c * d, it);
            }
            adamB.step(b, gb, 0, it);
        }
        return new LogisticWeights(mean, scale, w, b);
    }

    /** Class probabilities of one vector, written into {@code out}. */
    public void probabilities(float[] x, double[] out) {
        int d = mean.length;
        double[] z = new double[d];
        for (int j = 0; j < d; j++) {
            z[j] = (x[j] - mean[j]) / scale[j];
        }
        softmax(weights, bias, z, out);
    }

    private static void softmax(double[][] w, double[] b, double[] z, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < b.length; c++) {
            double s = b[c];
            double[] wc = w[c];
            for (int j = 0; j < z.length; j++) {
                s += wc[j] * z[j];
            }
            out[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < b.length; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < b.length; c++) {
            out[c] /= sum;
        }
    }

    /** Adam's running moments for a block of parameters. */
    private static final class Adam {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private static final double EPSILON = 1e-8;
        private final double[] m;
        private final double[] v;

        Adam(int size) {
            m = new double[size];
            v = new double[size];
        }

        void step(double[] params, double[] grad, int offset, int t) {
            double c1 = 1 - Math.pow(BETA1, t);
            double c2 = 1 - Math.pow(BETA2, t);
            for (int j = 0; j < params.length; j++) {
                int k = offset + j;
                m[k] = BETA1 * m[k] + (1 - BETA1) * grad[j];
                v[k] = BETA2 * v[k] + (1 - BETA2) * grad[j] * grad[j];
                params[j] -= LEARNING_RATE * (m[k] / c1) / (Math.sqrt(v[k] / c2) + EPSILON);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogisticWeights l && Arrays.equals(mean, l.mean) && Arrays.equals(scale, l.scale)
                && Arrays.deepEquals(weights, l.weights) && Arrays.equals(bias, l.bias);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(weights) * 31 + Arrays.hashCode(bias);
    }

    @Override
    public String toString() {
        return "LogisticWeights[" + classes() + " classes x " + dimensions() + " inputs]";
    }
}
