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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One decision tree (CART: Gini impurity for classes, squared error for values) on the
 * {@link Encoding} of the rows, at most {@value #DEPTH} levels deep with at least {@value #LEAF} rows
 * per leaf; leaves hold class frequencies smoothed by one pseudo-count. Ties go to the first
 * feature and the lowest threshold, so training is deterministic. A model that is not monotone in
 * any feature, for tests that need one.
 */
public final class TestTree implements Model {

    static final int DEPTH = 10;
    static final int LEAF = 5;

    private final Target target;
    private final Encoding encoding;
    /** Per node: the feature split on, or -1 for a leaf. */
    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    /** Per node: class probabilities (or the one value) of a leaf. */
    private final double[][] output;

    private TestTree(Target target, Encoding encoding, List<Node> nodes) {
        this.target = target;
        this.encoding = encoding;
        int n = nodes.size();
        feature = new int[n];
        threshold = new double[n];
        left = new int[n];
        right = new int[n];
        output = new double[n][];
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            feature[i] = node.feature;
            threshold[i] = node.threshold;
            left[i] = node.left;
            right[i] = node.right;
            output[i] = node.output;
        }
    }

    private static final class Node {
        int feature = -1;
        double threshold;
        int left;
        int right;
        double[] output;
    }

    static Model train(Table train, Target target, long seed, Progress progress) {
        Encoding encoding = Encoding.fit(train, target);
        int stride = encoding.width() + 1;
        double[] x = encoding.design(train);
        int rows = train.rowCount();
        boolean classification = target.task().isClassification();
        int classes = classification ? target.classCount() : 0;
        double[] y = new double[rows];
        Column column = train.column(target.column());
        for (int i = 0; i < rows; i++) {
            y[i] = classification ? target.classes().indexOf(column.text(i)) : ((NumericColumn) column).get(i);
        }
        int[] all = new int[rows];
        Arrays.setAll(all, i -> i);
        List<Node> nodes = new ArrayList<>();
        grow(nodes, all, 0, x, stride, y, classes);
        return new TestTree(target, encoding, nodes);
    }

    /** Adds the node for {@code rows} (and its subtree) and returns its index. */
    private static int grow(List<Node> nodes, int[] rows, int depth, double[] x, int stride, double[] y, int classes) {
        Node node = new Node();
        int index = nodes.size();
        nodes.add(node);
        node.output = leafOutput(rows, y, classes);
        if (depth == DEPTH || rows.length < 2 * LEAF) {
            return index;
        }
        double best = impurity(rows, rows.length, y, classes, false) - 1e-12;
        int bestFeature = -1;
        double bestThreshold = 0;
        Integer[] order = new Integer[rows.length];
        for (int f = 0; f < stride - 1; f++) {
            final int feat = f;
            for (int i = 0; i < rows.length; i++) {
                order[i] = rows[i];
            }
            Arrays.sort(order, (a, b) -> Double.compare(x[a * stride + feat], x[b * stride + feat]));
            int[] sorted = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                sorted[i] = order[i];
            }
            for (int cut = LEAF; cut <= rows.length - LEAF; cut++) {
                double below = x[sorted[cut - 1] * stride + f];
                double above = x[sorted[cut] * stride + f];
                if (below == above) {
                    continue;
                }
                double score = impurity(sorted, cut, y, classes, false) + impurity(sorted, cut, y, classes, true);
                if (score < best) {
                    best = score;
                    bestFeature = f;
                    bestThreshold = (below + above) / 2;
                }
            }
        }
        if (bestFeature < 0) {
            return index;
        }
        int f = bestFeature;
        double t = bestThreshold;
        int[] low = Arrays.stream(rows).filter(r -> x[r * stride + f] <= t).toArray();
        int[] high = Arrays.stream(rows).filter(r -> x[r * stride + f] > t).toArray();
        node.feature = f;
        node.threshold = t;
        node.left = grow(nodes, low, depth + 1, x, stride, y, classes);
        node.right = grow(nodes, high, depth + 1, x, stride, y, classes);
        return index;
    }

    /**
     * The rows' summed impurity (count times Gini, or the sum of squared errors): the first
     * {@code cut} rows, or with {@code rest} the others.
     */
    private static double impurity(int[] rows, int cut, double[] y, int classes, boolean rest) {
        int from = rest ? cut : 0;
        int to = rest ? rows.length : cut;
        int n = to - from;
        if (classes > 0) {
            double[] counts = new double[classes];
            for (int i = from; i < to; i++) {
                counts[(int) y[rows[i]]]++;
            }
            double squares = 0;
            for (double c : counts) {
                squares += c * c;
            }
            return n - squares / n;
        }
        double sum = 0;
        double squares = 0;
        for (int i = from; i < to; i++) {
            sum += y[rows[i]];
            squares += y[rows[i]] * y[rows[i]];
        }
        return squares - sum * sum / n;
    }

    private static double[] leafOutput(int[] rows, double[] y, int classes) {
        if (classes == 0) {
            double sum = 0;
            for (int r : rows) {
                sum += y[r];
            }
            return new double[]{sum / rows.length};
        }
        double[] p = new double[classes];
        Arrays.fill(p, 1);
        for (int r : rows) {
            p[(int) y[r]]++;
        }
        for (int k = 0; k < classes; k++) {
            p[k] /= rows.length + classes;
        }
        return p;
    }

    @Override
    public String id() {
        return TestTreeProvider.ID;
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public Predictions predict(Table rows) {
        int n = rows.rowCount();
        int stride = encoding.width() + 1;
        double[] x = encoding.design(rows);
        boolean classification = target.task().isClassification();
        int classes = classification ? target.classCount() : 1;
        double[] out = new double[n * classes];
        for (int i = 0; i < n; i++) {
            int node = 0;
            while (feature[node] >= 0) {
                node = x[i * stride + feature[node]] <= threshold[node] ? left[node] : right[node];
            }
            System.arraycopy(output[node], 0, out, i * classes, classes);
        }
        return classification ? Predictions.ofProbabilities(target.classes(), out) : Predictions.ofValues(out);
    }

    @Override
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(8);
            for (int i = 0; i < feature.length; i++) {
                digest.update(b.clear().putDouble(feature[i]).array());
                digest.update(b.clear().putDouble(threshold[i]).array());
                for (double v : output[i]) {
                    digest.update(b.clear().putDouble(v).array());
                }
            }
            digest.update(encoding.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
