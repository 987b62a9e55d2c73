package dev.failforward.explain.tree;

import dev.failforward.model.tree.Tree;
import dev.failforward.model.tree.TreeEnsemble;

/**
 * Path-dependent TreeSHAP (Lundberg, Erion et al., "From local explanations to global
 * understanding with explainable AI for trees", Nature Machine Intelligence 2020, Algorithm 2):
 * one recursion over each tree that keeps, along the path, the share of subsets in which each
 * feature is known. Exact, in time O(leaves × depth²) per tree and row. The reference the fast
 * form is checked against.
 */
public final class PathTreeShap implements TreeShapAlgorithm {

    private final TreeEnsemble ensemble;
    private final double[] expected;
    private final int stride;
    // The path: one segment of maxDepth + 2 elements per recursion level.
    private final int segment;
    private final int[] d;
    private final double[] z;
    private final double[] o;
    private final double[] w;

    public PathTreeShap(TreeEnsemble ensemble) {
        this.ensemble = ensemble;
        this.expected = ensemble.expectedValues();
        this.stride = ensemble.featureCount() + 1;
        this.segment = ensemble.maxDepth() + 2;
        int size = segment * (segment + 1);
        d = new int[size];
        z = new double[size];
        o = new double[size];
        w = new double[size];
    }

    @Override
    public void explain(double[] rows, int offset, double[] out) {
        for (int g = 0; g < ensemble.groups(); g++) {
            out[g * stride + stride - 1] += expected[g];
        }
        for (int t = 0; t < ensemble.trees().size(); t++) {
            tree(ensemble.trees().get(t), rows, offset, out, ensemble.groupOfTree()[t] * stride);
        }
    }

    /** Adds one tree's SHAP values; {@code base} is where the tree's group starts in {@code out}. */
    public void tree(Tree tree, double[] rows, int offset, double[] out, int base) {
        if (tree.isLeaf(0)) {
            return;
        }
        recurse(tree, rows, offset, out, base, 0, 0, 0, 1, 1, -1);
    }

    private void recurse(Tree tree, double[] x, int offset, double[] out, int base, int node, int at, int depth,
                         double pz, double po, int pi) {
        int m = at + segment;
        if (depth > 0) {
            System.arraycopy(d, at, d, m, depth);
            System.arraycopy(z, at, z, m, depth);
            System.arraycopy(o, at, o, m, depth);
            System.arraycopy(w, at, w, m, depth);
        }
        extend(m, depth, pz, po, pi);
        if (tree.isLeaf(node)) {
            double v = tree.value()[node];
            for (int i = 1; i <= depth; i++) {
                double sum = unwoundSum(m, depth, i);
                out[base + d[m + i]] += sum * (o[m + i] - z[m + i]) * v;
            }
            return;
        }
        int f = tree.feature()[node];
        int hot = tree.next(node, x[offset + f]);
        int cold = hot == tree.left()[node] ? tree.right()[node] : tree.left()[node];
        double cover = tree.cover()[node];
        double hotZero = cover > 0 ? tree.cover()[hot] / cover : 0;
        double coldZero = cover > 0 ? tree.cover()[cold] / cover : 0;
        double iz = 1;
        double io = 1;
        int unique = depth;
        for (int k = 1; k <= depth; k++) {
            if (d[m + k] == f) {
                iz = z[m + k];
                io = o[m + k];
                unwind(m, depth, k);
                unique = depth - 1;
                break;
            }
        }
        recurse(tree, x, offset, out, base, hot, m, unique + 1, hotZero * iz, io, f);
        recurse(tree, x, offset, out, base, cold, m, unique + 1, coldZero * iz, 0, f);
    }

    /** Appends a feature with its zero and one fractions to the path of length {@code l}, updating the subset weights. */
    private void extend(int m, int l, double pz, double po, int pi) {
        d[m + l] = pi;
        z[m + l] = pz;
        o[m + l] = po;
        w[m + l] = l == 0 ? 1 : 0;
        for (int i = l - 1; i >= 0; i--) {
            w[m + i + 1] += po * w[m + i] * (i + 1) / (l + 1);
            w[m + i] = pz * w[m + i] * (l - i) / (l + 1);
        }
    }

    /** Removes element {@code i} from the path whose last index is {@code l}, undoing its extension. */
    private void unwind(int m, int l, int i) {
        double one = o[m + i];
        double zero = z[m + i];
        double n = w[m + l];
        for (int j = l - 1; j >= 0; j--) {
            if (one != 0) {
                double t = w[m + j];
                w[m + j] = n * (l + 1) / ((j + 1) * one);
                n = t - w[m + j] * zero * (l - j) / (l + 1);
            } else {
                w[m + j] = w[m + j] * (l + 1) / (zero * (l - j));
            }
        }
        for (int j = i; j < l; j++) {
            d[m + j] = d[m + j + 1];
            z[m + j] = z[m + j + 1];
            o[m + j] = o[m + j + 1];
        }
    }

    /** The total subset weight of the path with element {@code i} unwound, without changing the path. */
    private double unwoundSum(int m, int l, int i) {
        double one = o[m + i];
        double zero = z[m + i];
        double next = w[m + l];
        double total = 0;
        if (one != 0) {
            for (int j = l - 1; j >= 0; j--) {
                double t = next * (l + 1) / ((j + 1) * one);
                total += t;
                next = w[m + j] - t * zero * (l - j) / (l + 1);
            }
        } else if (zero != 0) {
            for (int j = l - 1; j >= 0; j--) {
                total += w[m + j] * (l + 1) / (zero * (l - j));
            }
        }
        return total;
    }
}
