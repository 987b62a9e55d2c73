package dev.failforward.explain.tree;

import dev.failforward.model.tree.Tree;
import dev.failforward.model.tree.TreeEnsemble;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact path-dependent TreeSHAP, fast: the precomputation of FastTreeSHAP v2 (Yang, "Fast TreeSHAP:
 * accelerating SHAP value computation for trees", 2021). A leaf whose path tests D distinct
 * features contributes to a row's SHAP values through only one thing: the set A of those features
 * whose conditions the row satisfies. So for every leaf and every A (2^D sets) the D attributions
 * are computed once, from the Shapley formula over the leaf's zero fractions (cover ratios); a row
 * then costs one pass over each tree, collecting A as a bit mask, and D additions per leaf, instead
 * of O(D²) path updates per leaf. Trees with a leaf more than {@value #MAX_FAST_DEPTH} distinct
 * features deep (whose tables would be large) are done with {@link PathTreeShap}.
 * The tables are read-only: one instance may serve many threads.
 */
public final class FastTreeShap {

    /** Leaves testing more distinct features than this make their tree fall back to {@link PathTreeShap}. */
    static final int MAX_FAST_DEPTH = 10;

    private final TreeEnsemble ensemble;
    private final double[] expected;
    private final int stride;
    private final List<Compiled> compiled = new ArrayList<>();
    private final List<Tree> slow = new ArrayList<>();
    private final List<Integer> slowGroups = new ArrayList<>();
    private final int maxNodes;

    /**
     * One tree laid out for the row pass: the internal nodes' tests and the bit of each node's
     * feature among its path's distinct features, and per leaf (numbered 0..) its node, its
     * distinct features and its table.
     */
    private record Compiled(int group, int[] internal, int[] feature, float[] threshold, boolean[] defaultLeft,
                            int[] left, int[] right, int[] bit, int[] leaves,
                            int[] leafDepth, int[] leafStart, int[] leafFeatures, int[] tableStart, double[] table) {
    }

    public FastTreeShap(TreeEnsemble ensemble) {
        this(ensemble, 1);
    }

    /**
     * Builds the leaf tables on {@code threads} threads (trees are independent). Build once per
     * model and reuse: the build is a serial step in front of every parallel row pass otherwise.
     */
    public FastTreeShap(TreeEnsemble ensemble, int threads) {
        this.ensemble = ensemble;
        this.expected = ensemble.expectedValues();
        this.stride = ensemble.featureCount() + 1;
        List<Tree> trees = ensemble.trees();
        Compiled[] built = new Compiled[trees.size()];
        TreeShapValues.parallel(trees.size(), threads, t -> built[t] = compile(trees.get(t), ensemble.groupOfTree()[t]));
        int most = 1;
        for (int t = 0; t < trees.size(); t++) {
            Tree tree = trees.get(t);
            most = Math.max(most, tree.size());
            if (built[t] == null) {
                slow.add(tree);
                slowGroups.add(ensemble.groupOfTree()[t]);
            } else if (!tree.isLeaf(0)) {
                compiled.add(built[t]);
            }
        }
        this.maxNodes = most;
    }

    /** The ensemble these tables explain. */
    public TreeEnsemble ensemble() {
        return ensemble;
    }

    /** A per-thread worker (it holds scratch space). */
    public TreeShapAlgorithm worker() {
        Block block = block();
        return (rows, offset, out) -> block.explain(rows, offset, 0, 1, out);
    }

    /**
     * A per-thread worker over blocks of rows: it walks tree by tree, all rows of the block in
     * each, so that a tree's leaf tables stay in the processor's cache while they are used.
     */
    public Block block() {
        return new Block();
    }

    /** Explains consecutive rows; holds scratch space, so one per thread. */
    public final class Block {

        private final PathTreeShap fallback = slow.isEmpty() ? null : new PathTreeShap(ensemble);
        private final int[] mask = new int[maxNodes + 1];

        private Block() {
        }

        /**
         * Adds the SHAP values of {@code count} rows, the first at {@code rows[offset]} and each
         * {@code stride} values apart, into {@code out} (one zeroed {@code groups × (features + 1)}
         * slot per row, consecutive).
         */
        public void explain(double[] rows, int offset, int stride, int count, double[] out) {
            int width = ensemble.groups() * FastTreeShap.this.stride;
            for (int r = 0; r < count; r++) {
                for (int g = 0; g < ensemble.groups(); g++) {
                    out[r * width + g * FastTreeShap.this.stride + FastTreeShap.this.stride - 1] += expected[g];
                }
            }
            for (Compiled c : compiled) {
                for (int r = 0; r < count; r++) {
                    row(c, rows, offset + r * stride, out, r * width, mask);
                }
            }
            for (int i = 0; i < slow.size(); i++) {
                for (int r = 0; r < count; r++) {
                    fallback.tree(slow.get(i), rows, offset + r * stride, out, r * width + slowGroups.get(i) * FastTreeShap.this.stride);
                }
            }
        }
    }

    /**
     * One row through one tree. Children are numbered after their parents, so one pass over the
     * internal nodes in order tests each once and hands each child the parent's bit mask of met
     * path conditions, cleared at the node's feature bit on the side the row does not take (no
     * branching on the row's path). Then each leaf adds its precomputed attributions for its mask.
     */
    private void row(Compiled c, double[] x, int offset, double[] out, int outOffset, int[] mask) {
        int base = outOffset + c.group * stride;
        int[] internal = c.internal;
        int[] feature = c.feature;
        float[] threshold = c.threshold;
        boolean[] defaultLeft = c.defaultLeft;
        int[] left = c.left;
        int[] right = c.right;
        int[] bit = c.bit;
        mask[0] = -1;
        for (int node : internal) {
            double v = x[offset + feature[node]];
            int goRight = v != v ? (defaultLeft[node] ? 0 : 1) : ((float) v < threshold[node] ? 0 : 1);
            int m = mask[node];
            mask[left[node]] = m & ~(goRight << bit[node]);
            mask[right[node]] = m & ~((goRight ^ 1) << bit[node]);
        }
        int[] leaves = c.leaves;
        int[] leafDepth = c.leafDepth;
        int[] leafStart = c.leafStart;
        int[] leafFeatures = c.leafFeatures;
        int[] tableStart = c.tableStart;
        double[] table = c.table;
        for (int l = 0; l < leaves.length; l++) {
            int depth = leafDepth[l];
            int at = tableStart[l] + (mask[leaves[l]] & ((1 << depth) - 1)) * depth;
            int fs = leafStart[l];
            for (int k = 0; k < depth; k++) {
                out[base + leafFeatures[fs + k]] += table[at + k];
            }
        }
    }

    /** Lays out one tree and computes its leaf tables, or null when a leaf is too deep for tables. */
    private static Compiled compile(Tree tree, int group) {
        int n = tree.size();
        int[] position = new int[n];
        int[] leafDepth = new int[n];
        int[] leafStart = new int[n];
        int[] tableStart = new int[n];
        List<int[]> leafFeatureList = new ArrayList<>();
        List<double[]> leafTables = new ArrayList<>();
        int[] pathFeatures = new int[tree.depth() + 1];
        double[] pathZero = new double[tree.depth() + 1];
        int[] counts = new int[2];
        if (!walk(tree, 0, pathFeatures, pathZero, 0, position, leafDepth, leafStart, tableStart, leafFeatureList,
                leafTables, counts)) {
            return null;
        }
        int[] features = new int[counts[0]];
        double[] table = new double[counts[1]];
        int fi = 0;
        int ti = 0;
        for (int i = 0; i < leafFeatureList.size(); i++) {
            System.arraycopy(leafFeatureList.get(i), 0, features, fi, leafFeatureList.get(i).length);
            fi += leafFeatureList.get(i).length;
            System.arraycopy(leafTables.get(i), 0, table, ti, leafTables.get(i).length);
            ti += leafTables.get(i).length;
        }
        List<Integer> internal = new ArrayList<>();
        List<Integer> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (tree.isLeaf(i) ? leaves : internal).add(i);
        }
        int m = leaves.size();
        int[] depthOf = new int[m];
        int[] startOf = new int[m];
        int[] tableOf = new int[m];
        for (int l = 0; l < m; l++) {
            int leaf = leaves.get(l);
            depthOf[l] = leafDepth[leaf];
            startOf[l] = leafStart[leaf];
            tableOf[l] = tableStart[leaf];
        }
        return new Compiled(group, internal.stream().mapToInt(Integer::intValue).toArray(), tree.feature(), tree.threshold(),
                tree.defaultLeft(), tree.left(), tree.right(), position, leaves.stream().mapToInt(Integer::intValue).toArray(),
                depthOf, startOf, features, tableOf, table);
    }

    /**
     * Walks the tree keeping the distinct features of the path and the product of cover ratios
     * (zero fraction) for each; at each leaf builds its table. Returns false if a leaf is too deep.
     */
    private static boolean walk(Tree tree, int node, int[] features, double[] zero, int unique, int[] position,
                                int[] leafDepth, int[] leafStart, int[] tableStart, List<int[]> leafFeatureList,
                                List<double[]> leafTables, int[] counts) {
        if (tree.isLeaf(node)) {
            if (unique > MAX_FAST_DEPTH) {
                return false;
            }
            leafDepth[node] = unique;
            leafStart[node] = counts[0];
            tableStart[node] = counts[1];
            leafFeatureList.add(java.util.Arrays.copyOf(features, unique));
            double[] table = table(tree.value()[node], java.util.Arrays.copyOf(zero, unique));
            leafTables.add(table);
            counts[0] += unique;
            counts[1] += table.length;
            return true;
        }
        int f = tree.feature()[node];
        int k = 0;
        while (k < unique && features[k] != f) {
            k++;
        }
        position[node] = k;
        int next = k == unique ? unique + 1 : unique;
        double cover = tree.cover()[node];
        double before = k == unique ? 1 : zero[k];
        for (int child : new int[] {tree.left()[node], tree.right()[node]}) {
            features[k] = f;
            zero[k] = before * (cover > 0 ? tree.cover()[child] / cover : 0);
            if (!walk(tree, child, features, zero, next, position, leafDepth, leafStart, tableStart, leafFeatureList,
                    leafTables, counts)) {
                return false;
            }
        }
        zero[k] = before;
        return true;
    }

    /**
     * For a leaf of value {@code v} whose path tests features with zero fractions {@code z}: for
     * every set A of satisfied features (bit k = feature k) the attribution of each feature k,
     * {@code v (o_k − z_k) Σ_{S ⊆ A∖k} |S|!(D−|S|−1)!/D! · Π_{j ∉ S, j ≠ k} z_j}, stored at
     * {@code [A × D + k]}.
     */
    static double[] table(double v, double[] z) {
        int depth = z.length;
        int sets = 1 << depth;
        int full = sets - 1;
        double[] zprod = new double[sets];
        zprod[0] = 1;
        for (int s = 1; s < sets; s++) {
            int low = Integer.numberOfTrailingZeros(s);
            zprod[s] = zprod[s & (s - 1)] * z[low];
        }
        double[] weight = new double[Math.max(depth, 1)];
        for (int s = 0; s < depth; s++) {
            weight[s] = 1.0 / (depth * binomial(depth - 1, s));
        }
        double[] out = new double[sets * depth];
        for (int a = 0; a < sets; a++) {
            for (int k = 0; k < depth; k++) {
                int bit = 1 << k;
                int without = a & ~bit;
                double g = 0;
                for (int s = without; ; s = (s - 1) & without) {
                    g += weight[Integer.bitCount(s)] * zprod[full & ~s & ~bit];
                    if (s == 0) {
                        break;
                    }
                }
                double one = (a & bit) != 0 ? 1 : 0;
                out[a * depth + k] = v * (one - z[k]) * g;
            }
        }
        return out;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    /** The expected value of each group (base margin plus each tree's cover-weighted mean leaf). */
    public double[] expectedValues() {
        return expected.clone();
    }
}
