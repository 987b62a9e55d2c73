package dev.failforward.testmodel;

import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.progress.Progress;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Multinomial logistic regression (linear regression for a numeric target) with a little L2, fitted
 * by full-batch gradient descent with Nesterov momentum for a fixed number of steps on the
 * {@link Encoding} of the rows: no randomness, so the same rows give the same model whatever the
 * seed or thread count.
 */
public final class TestLogistic implements Model {

    private static final int STEPS = 300;
    /** Steps small enough for the curvature of either loss on standardised features. */
    private static final double RATE = 0.5;
    private static final double REGRESSION_RATE = 0.1;
    private static final double MOMENTUM = 0.9;
    private static final double L2 = 1e-4;

    private final Target target;
    private final Encoding features;
    private final int width;
    /** outputs × (width + 1): one row of weights per class (one for regression), the bias last. */
    private final double[][] weights;
    /** Regression targets are fitted standardised; predictions are scaled back. */
    private final double targetMean;
    private final double targetScale;

    private TestLogistic(Target target, Encoding features, double[][] weights, double targetMean, double targetScale) {
        this.target = target;
        this.features = features;
        this.width = features.width();
        this.weights = weights;
        this.targetMean = targetMean;
        this.targetScale = targetScale;
    }

    static Model train(Table train, Target target, long seed, Progress progress) {
        Encoding features = Encoding.fit(train, target);
        int rows = train.rowCount();
        boolean classification = target.task().isClassification();
        int outputs = classification ? target.classCount() : 1;
        int stride = features.width() + 1;
        double[] x = features.design(train);
        Column y = train.column(target.column());
        int[] label = new int[rows];
        double[] value = new double[rows];
        double mean = 0;
        double scale = 1;
        if (classification) {
            for (int i = 0; i < rows; i++) {
                label[i] = target.classes().indexOf(y.text(i));
            }
        } else {
            double[] v = ((NumericColumn) y).values();
            double sum = 0;
            double squares = 0;
            for (double d : v) {
                sum += d;
                squares += d * d;
            }
            mean = sum / rows;
            double sd = Math.sqrt(Math.max(0, squares / rows - mean * mean));
            scale = sd > 0 ? sd : 1;
            for (int i = 0; i < rows; i++) {
                value[i] = (v[i] - mean) / scale;
            }
        }
        double[][] w = new double[outputs][stride];
        double[][] velocity = new double[outputs][stride];
        double[][] ahead = new double[outputs][stride];
        double[][] gradient = new double[outputs][stride];
        double[] out = new double[outputs];
        double rate = classification ? RATE : REGRESSION_RATE;
        for (int step = 0; step < STEPS; step++) {
            for (int k = 0; k < outputs; k++) {
                for (int j = 0; j < stride; j++) {
                    ahead[k][j] = w[k][j] + MOMENTUM * velocity[k][j];
                    gradient[k][j] = j < stride - 1 ? L2 * ahead[k][j] : 0;
                }
            }
            for (int i = 0; i < rows; i++) {
                scores(x, i * stride, stride, ahead, out);
                if (classification) {
                    softmax(out);
                    out[label[i]] -= 1;
                } else {
                    out[0] -= value[i];
                }
                for (int k = 0; k < outputs; k++) {
                    double g = out[k] / rows;
                    if (g != 0) {
                        for (int j = 0; j < stride; j++) {
                            gradient[k][j] += g * x[i * stride + j];
                        }
                    }
                }
            }
            for (int k = 0; k < outputs; k++) {
                for (int j = 0; j < stride; j++) {
                    velocity[k][j] = MOMENTUM * velocity[k][j] - rate * gradient[k][j];
                    w[k][j] += velocity[k][j];
                }
            }
        }
        return new TestLogistic(target, features, w, mean, scale);
    }

    @Override
    public String id() {
        return TestLogisticProvider.ID;
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public Predictions predict(Table rows) {
        int n = rows.rowCount();
        int stride = width + 1;
        double[] x = features.design(rows);
        int outputs = weights.length;
        double[] out = new double[outputs];
        if (!target.task().isClassification()) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                scores(x, i * stride, stride, weights, out);
                values[i] = out[0] * targetScale + targetMean;
            }
            return Predictions.ofValues(values);
        }
        double[] probabilities = new double[n * outputs];
        for (int i = 0; i < n; i++) {
            scores(x, i * stride, stride, weights, out);
            softmax(out);
            System.arraycopy(out, 0, probabilities, i * outputs, outputs);
        }
        return Predictions.ofProbabilities(target.classes(), probabilities);
    }

    @Override
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(8);
            for (double[] row : weights) {
                for (double v : row) {
                    digest.update(b.clear().putDouble(v).array());
                }
            }
            digest.update(features.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void scores(double[] x, int start, int stride, double[][] w, double[] out) {
        for (int k = 0; k < out.length; k++) {
            double s = 0;
            for (int j = 0; j < stride; j++) {
                s += w[k][j] * x[start + j];
            }
            out[k] = s;
        }
    }

    private static void softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < s.length; k++) {
            s[k] = Math.exp(s[k] - max);
            sum += s[k];
        }
        for (int k = 0; k < s.length; k++) {
            s[k] /= sum;
        }
    }
}
