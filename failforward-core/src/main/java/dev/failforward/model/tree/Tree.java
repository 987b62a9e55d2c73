package dev.failforward.model.tree;

/**
 * One regression tree as parallel arrays indexed by node, node 0 the root. An internal node sends a
 * row left when its feature value is below {@code threshold} (compared in single precision, as
 * XGBoost does) and to {@code defaultLeft ? left : right} when the value is missing (NaN). A leaf
 * has {@code left == -1} and holds its output in {@code value}. {@code cover} is the training
 * weight (sum of hessians) that reached the node; TreeSHAP uses it as the conditional probability
 * of each branch. Arrays are never written after construction.
 */
public record Tree(int[] left, int[] right, int[] feature, float[] threshold, boolean[] defaultLeft,
                   double[] value, double[] cover) {

    public Tree {
        int n = left.length;
        if (n == 0 || right.length != n || feature.length != n || threshold.length != n || defaultLeft.length != n
                || value.length != n || cover.length != n) {
            throw new IllegalArgumentException("a tree needs equally long node arrays, at least one node");
        }
        for (int i = 0; i < n; i++) {
            boolean leaf = left[i] < 0;
            if (leaf != (right[i] < 0) || (!leaf && (left[i] <= i || right[i] <= i || left[i] >= n || right[i] >= n))) {
                throw new IllegalArgumentException("node " + i + " has invalid children " + left[i] + ", " + right[i]);
            }
        }
    }

    public int size() {
        return left.length;
    }

    public boolean isLeaf(int node) {
        return left[node] < 0;
    }

    /** The child a row with this feature value goes to. */
    public int next(int node, double x) {
        if (Double.isNaN(x)) {
            return defaultLeft[node] ? left[node] : right[node];
        }
        return (float) x < threshold[node] ? left[node] : right[node];
    }

    /** The leaf value this row reaches; {@code row} holds the features from {@code offset}. */
    public double predict(double[] row, int offset) {
        int node = 0;
        while (left[node] >= 0) {
            node = next(node, row[offset + feature[node]]);
        }
        return value[node];
    }

    /** The cover-weighted mean leaf value: the tree's expected output over the training data. */
    public double expectedValue() {
        return expected(0);
    }

    private double expected(int node) {
        if (isLeaf(node)) {
            return value[node];
        }
        double c = cover[node];
        if (!(c > 0)) {
            return 0.5 * (expected(left[node]) + expected(right[node]));
        }
        return (cover[left[node]] * expected(left[node]) + cover[right[node]] * expected(right[node])) / c;
    }

    /** The number of edges on the longest path from the root to a leaf. */
    public int depth() {
        return depth(0);
    }

    private int depth(int node) {
        return isLeaf(node) ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
    }

    public int leafCount() {
        int n = 0;
        for (int l : left) {
            if (l < 0) {
                n++;
            }
        }
        return n;
    }
}
