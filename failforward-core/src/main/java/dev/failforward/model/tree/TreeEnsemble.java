package dev.failforward.model.tree;

import java.util.List;

/**
 * A boosted tree ensemble: trees, the output group each tree adds to (one group for regression and
 * binary models, one per class for multi-class), the base margin of each group and the link from
 * margin to prediction. The margin of a group is its base margin plus the sum of its trees' leaves.
 */
public record TreeEnsemble(List<Tree> trees, int[] groupOfTree, int groups, int featureCount, double[] baseMargin,
                           Link link) {

    public TreeEnsemble {
        trees = List.copyOf(trees);
        if (groupOfTree.length != trees.size()) {
            throw new IllegalArgumentException(trees.size() + " trees but " + groupOfTree.length + " tree groups");
        }
        if (groups < 1 || baseMargin.length != groups) {
            throw new IllegalArgumentException(groups + " output groups but " + baseMargin.length + " base margins");
        }
        for (int t = 0; t < trees.size(); t++) {
            if (groupOfTree[t] < 0 || groupOfTree[t] >= groups) {
                throw new IllegalArgumentException("tree " + t + " adds to group " + groupOfTree[t] + " of " + groups);
            }
            for (int f : trees.get(t).feature()) {
                if (f >= featureCount) {
                    throw new IllegalArgumentException("tree " + t + " splits on feature " + f + " of " + featureCount);
                }
            }
        }
    }

    /** Parses a booster saved by XGBoost as JSON ({@code save_model("….json")}). */
    public static TreeEnsemble fromXgboostJson(byte[] json) {
        return XgboostJson.parse(json);
    }

    /**
     * The margins of {@code n} rows, row-major ({@code rows × featureCount}, NaN where missing):
     * {@code n × groups} values.
     */
    public double[] margins(double[] rows, int n) {
        double[] out = new double[n * groups];
        for (int r = 0; r < n; r++) {
            System.arraycopy(baseMargin, 0, out, r * groups, groups);
            for (int t = 0; t < trees.size(); t++) {
                out[r * groups + groupOfTree[t]] += trees.get(t).predict(rows, r * featureCount);
            }
        }
        return out;
    }

    /** For each group, the base margin plus each tree's expected value: what TreeSHAP attributions are measured from. */
    public double[] expectedValues() {
        double[] out = baseMargin.clone();
        for (int t = 0; t < trees.size(); t++) {
            out[groupOfTree[t]] += trees.get(t).expectedValue();
        }
        return out;
    }

    public int leafCount() {
        return trees.stream().mapToInt(Tree::leafCount).sum();
    }

    public int maxDepth() {
        return trees.stream().mapToInt(Tree::depth).max().orElse(0);
    }
}
