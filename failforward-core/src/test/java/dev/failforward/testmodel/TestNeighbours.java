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
 * The {@value #K} nearest training rows (Euclidean, on the {@link Encoding} of the rows, ties broken
 * by row order) vote, smoothed by one pseudo-count per class; a numeric target takes their mean. A
 * model of another kind than {@link TestLogistic}, for tests that need two views of the rows.
 */
public final class TestNeighbours implements Model {

    static final int K = 15;

    private final Target target;
    private final Encoding encoding;
    private final double[] x;
    private final int[] label;
    private final double[] value;

    private TestNeighbours(Target target, Encoding encoding, double[] x, int[] label, double[] value) {
        this.target = target;
        this.encoding = encoding;
        this.x = x;
        this.label = label;
        this.value = value;
    }

    static Model train(Table train, Target target, long seed, Progress progress) {
        Encoding encoding = Encoding.fit(train, target);
        Column y = train.column(target.column());
        int rows = train.rowCount();
        int[] label = new int[rows];
        double[] value = new double[rows];
        for (int i = 0; i < rows; i++) {
            if (target.task().isClassification()) {
                label[i] = target.classes().indexOf(y.text(i));
            } else {
                value[i] = ((NumericColumn) y).get(i);
            }
        }
        return new TestNeighbours(target, encoding, encoding.design(train), label, value);
    }

    @Override
    public String id() {
        return TestNeighboursProvider.ID;
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public Predictions predict(Table rows) {
        int n = rows.rowCount();
        int stride = encoding.width() + 1;
        int trained = label.length;
        int k = Math.min(K, trained);
        double[] q = encoding.design(rows);
        boolean classification = target.task().isClassification();
        int classes = classification ? target.classCount() : 0;
        double[] probabilities = new double[n * Math.max(classes, 1)];
        double[] values = new double[n];
        int[] nearest = new int[k];
        double[] distance = new double[k];
        for (int i = 0; i < n; i++) {
            int found = 0;
            for (int t = 0; t < trained; t++) {
                double d = 0;
                for (int j = 0; j < stride - 1; j++) {
                    double diff = q[i * stride + j] - x[t * stride + j];
                    d += diff * diff;
                }
                // Insertion into the sorted k nearest so far; a later row never displaces an equal one.
                if (found < k || d < distance[found - 1]) {
                    int p = found < k ? found++ : k - 1;
                    while (p > 0 && distance[p - 1] > d) {
                        distance[p] = distance[p - 1];
                        nearest[p] = nearest[p - 1];
                        p--;
                    }
                    distance[p] = d;
                    nearest[p] = t;
                }
            }
            if (classification) {
                for (int c = 0; c < classes; c++) {
                    probabilities[i * classes + c] = 1.0 / (k + classes);
                }
                for (int m = 0; m < k; m++) {
                    probabilities[i * classes + label[nearest[m]]] += 1.0 / (k + classes);
                }
            } else {
                double sum = 0;
                for (int m = 0; m < k; m++) {
                    sum += value[nearest[m]];
                }
                values[i] = sum / k;
            }
        }
        return classification ? Predictions.ofProbabilities(target.classes(), probabilities) : Predictions.ofValues(values);
    }

    @Override
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(8);
            for (double v : x) {
                digest.update(b.clear().putDouble(v).array());
            }
            for (int i = 0; i < label.length; i++) {
                digest.update(b.clear().putDouble(label[i] + value[i]).array());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
