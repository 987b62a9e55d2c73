package dev.failforward.explain;

import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.TreeEnsembleSource;
import dev.failforward.model.tree.Link;
import dev.failforward.model.tree.Tree;
import dev.failforward.model.tree.TreeEnsemble;

import java.util.List;

/**
 * Coalition values of a tree-ensemble model computed on its trees, in the booster's own feature
 * space, instead of building a table of hybrid rows and scoring it through the model's adapter
 * (for the built-in gbm that costs a Tribuo example, a sparse copy and a sort per evaluation).
 * Each column's features are encoded once per explained row and background row; a hybrid takes a
 * feature from the explained row when its column is known, else from the background row, which
 * is what encoding the hybrid row would give, since each feature is derived from one column. One
 * reused buffer per call, no object per evaluation.
 *
 * <p>Used only where it agrees with the model: {@link #of} scores the explained and background
 * rows both ways and returns {@code null} (use the model) unless every output agrees to
 * {@link #AGREEMENT}.
 */
final class EnsembleCoalitions {

    /** Largest difference from the model's own outputs allowed for the trees to stand in for it. */
    static final double AGREEMENT = 1e-6;

    /**
     * Table cells allowed per coalition for a tree's deciding columns: filling a cell is one
     * predictable addition, a walk per coalition several unpredictable branches.
     */
    static final int TABLE_CELLS = 8;

    /** Most cells of one table (bounds the memory of large sample budgets: 32 KB a table). */
    static final int MAX_TABLE_CELLS = 1 << 12;

    /** Each thread's tables, reused from row to row so their buffers grow once. */
    private static final ThreadLocal<DecidingTables> TABLES = ThreadLocal.withInitial(DecidingTables::new);

    private final Tree[] trees;
    private final int[] groupOfTree;
    private final int groups;
    private final double[] baseMargin;
    private final Link link;
    private final int features;
    /** For each booster feature, the index of its column among the explained columns; -1 for a constant feature. */
    private final int[] columnOfFeature;
    private final double[] rows;
    private final double[] background;
    private final int backgroundRows;
    private final double[] weights;
    /** The leaf each background row reaches in each tree ({@code [tree × backgroundRows + row]}). */
    private final int[] backgroundLeaf;
    private final List<String> classes;
    private final List<String> groupNames;
    private final String positive;

    private EnsembleCoalitions(TreeEnsembleSource source, Model model, TreeEnsemble ensemble, int[] columnOfFeature,
                               double[] rows, double[] background, double[] weights) {
        this.trees = ensemble.trees().toArray(Tree[]::new);
        this.groupOfTree = ensemble.groupOfTree();
        this.groups = ensemble.groups();
        this.baseMargin = ensemble.baseMargin();
        this.link = ensemble.link();
        this.features = columnOfFeature.length;
        this.columnOfFeature = columnOfFeature;
        this.rows = rows;
        this.background = background;
        this.backgroundRows = weights.length;
        this.weights = weights;
        this.backgroundLeaf = new int[trees.length * backgroundRows];
        for (int t = 0; t < trees.length; t++) {
            for (int b = 0; b < backgroundRows; b++) {
                backgroundLeaf[t * backgroundRows + b] = leaf(trees[t], background, b * features);
            }
        }
        this.classes = model.target().classes();
        this.groupNames = source.groupClasses().isEmpty() ? classes : source.groupClasses();
        this.positive = source.groupClasses().size() == 1 ? source.groupClasses().get(0)
                : classes.size() == 2 ? classes.get(1) : null;
    }

    /**
     * The trees of {@code model} standing in for it on these rows and background, or {@code null}
     * when the model is not a tree ensemble, reads a feature from a column not explained, or its
     * trees do not reproduce its outputs (e.g. a rescaled regression target).
     */
    static EnsembleCoalitions of(Model model, Table rows, Table background, List<String> columns, double[] weights) {
        if (!(model instanceof TreeEnsembleSource source)) {
            return null;
        }
        TreeEnsemble ensemble = TreeEnsemble.fromXgboostJson(source.xgboostJson());
        List<String> featureColumns = source.featureColumns();
        int width = featureColumns.size();
        int[] columnOfFeature = new int[width];
        if (ensemble.featureCount() > width) {
            return null;
        }
        double[] x = source.encode(rows);
        double[] b = source.encode(background);
        for (int f = 0; f < width; f++) {
            columnOfFeature[f] = columns.indexOf(featureColumns.get(f));
            // A feature of no explained column (such as a constant) must be the same in every row.
            if (columnOfFeature[f] < 0 && !(constant(x, f, width) && constant(b, f, width)
                    && (x.length == 0 || b.length == 0 || Double.compare(x[f], b[f]) == 0))) {
                return null;
            }
        }
        EnsembleCoalitions e = new EnsembleCoalitions(source, model, ensemble, columnOfFeature, x, b, weights);
        return e.agreesWith(model, rows, e.rows) && e.agreesWith(model, background, e.background) ? e : null;
    }

    private static boolean constant(double[] encoded, int f, int width) {
        for (int at = f + width; at < encoded.length; at += width) {
            if (Double.compare(encoded[at], encoded[f]) != 0) {
                return false;
            }
        }
        return true;
    }

    private boolean agreesWith(Model model, Table table, double[] encoded) {
        Predictions p = model.predict(table);
        double[] margins = new double[groups];
        for (int r = 0; r < table.rowCount(); r++) {
            margins(encoded, r * features, margins);
            if (p.isClassification()) {
                for (int c = 0; c < classes.size(); c++) {
                    double ours = output(margins, c);
                    if (!(Math.abs(ours - p.probability(r, c)) <= AGREEMENT)) {
                        return false;
                    }
                }
            } else if (!(Math.abs(output(margins, -1) - p.value(r)) <= AGREEMENT * Math.max(1, Math.abs(p.value(r))))) {
                return false;
            }
        }
        return true;
    }

    int backgroundRows() {
        return backgroundRows;
    }

    /**
     * For explained row {@code row}: the weighted mean output over the background rows of each of
     * {@code coalitions} masks ({@code known[s × m + j]}, j over the {@code m} explained columns).
     *
     * <p>A hybrid row goes down a tree as the explained row where its column is known and as the
     * background row elsewhere; where the two go the same way, the mask does not matter. So for
     * each tree and background row the walk is first reduced to the nodes where they part (usually
     * none or one or two): a pair that never parts adds a constant to every coalition, one that
     * parts once adds a constant and a change when its column is known (summed per column, so a
     * coalition costs one pass over its columns), and the others are summed into tables over their
     * few deciding columns ({@link DecidingTables}), one read per coalition and set of columns.
     */
    double[] values(int row, boolean[] known, int coalitions, int m, String output) {
        return values(row, known, coalitions, m, output, m < 64);
    }

    /**
     * {@link #values}, with {@code tabled} false walking each tree where the rows part more than
     * once per coalition instead (the plain form, kept as the reference the tables are tested against).
     */
    double[] values(int row, boolean[] known, int coalitions, int m, String output, boolean tabled) {
        int classIndex = classes.isEmpty() || output == null ? -1 : classes.indexOf(output);
        if (output != null && classIndex < 0) {
            throw new IllegalArgumentException("the model has no class '" + output + "'; classes: " + String.join(", ", classes));
        }
        int bg = backgroundRows;
        double[] margins = new double[coalitions * groups];
        double[] one = new double[groups];
        double[] out = new double[coalitions];
        Decisions d = new Decisions();
        int x = row * features;
        // Per background row: a constant per group, and per group and column the change when that column is known
        // (trees where the rows part once); trees where they part more often are walked per coalition.
        double[] constant = new double[groups];
        double[] delta = new double[groups * m];
        // 0/1 per column and coalition (column-major), so the known columns' changes and table
        // indexes are added column by column in straight loops, without branching per coalition.
        double[] knownValue = new double[m * coalitions];
        int[] knownBit = new int[m * coalitions];
        for (int s = 0; s < coalitions; s++) {
            for (int j = 0; j < m; j++) {
                if (known[s * m + j]) {
                    knownValue[j * coalitions + s] = 1;
                    knownBit[j * coalitions + s] = 1;
                }
            }
        }
        int[] index = new int[coalitions];
        DecidingTables tables = TABLES.get();
        int[] rowLeaf = new int[trees.length];
        // The explained row's way at every node of every tree, looked up by each background row's walk.
        int[] nodeStart = new int[trees.length + 1];
        for (int t = 0; t < trees.length; t++) {
            rowLeaf[t] = leaf(trees[t], rows, x);
            nodeStart[t + 1] = nodeStart[t] + trees[t].size();
        }
        int[] rowNext = new int[nodeStart[trees.length]];
        for (int t = 0; t < trees.length; t++) {
            Tree tree = trees[t];
            for (int node = 0; node < tree.size(); node++) {
                if (!tree.isLeaf(node)) {
                    rowNext[nodeStart[t] + node] = tree.next(node, rows[x + tree.feature()[node]]);
                }
            }
        }
        for (int b = 0; b < bg; b++) {
            tables.clear();
            System.arraycopy(baseMargin, 0, constant, 0, groups);
            java.util.Arrays.fill(delta, 0);
            java.util.Arrays.fill(margins, 0);
            for (int t = 0; t < trees.length; t++) {
                int leaf = backgroundLeaf[t * bg + b];
                if (leaf == rowLeaf[t]) {
                    // The same leaf: the rows never part in this tree (a tree has one path to a leaf).
                    constant[groupOfTree[t]] += trees[t].value()[leaf];
                    continue;
                }
                d.size = 0;
                d.reduce(trees[t], rowNext, nodeStart[t], background, b * features, columnOfFeature, 0);
                int g = groupOfTree[t];
                if (d.column[0] < 0) {
                    // The rows never part in this tree: the same leaf for every coalition.
                    constant[g] += d.value[0];
                } else if (d.column[d.ifKnown[0]] < 0 && d.column[d.ifUnknown[0]] < 0) {
                    // They part once: one of two leaves, by one column.
                    double ifUnknown = d.value[d.ifUnknown[0]];
                    constant[g] += ifUnknown;
                    delta[g * m + d.column[0]] += d.value[d.ifKnown[0]] - ifUnknown;
                } else if (!(tabled && tables.add(d, g, (int) Math.min(MAX_TABLE_CELLS, (long) TABLE_CELLS * coalitions)))) {
                    for (int s = 0; s < coalitions; s++) {
                        int node = 0;
                        int mask = s * m;
                        while (d.column[node] >= 0) {
                            node = known[mask + d.column[node]] ? d.ifKnown[node] : d.ifUnknown[node];
                        }
                        margins[s * groups + g] += d.value[node];
                    }
                }
            }
            if (tabled) {
                tables.addTo(knownBit, coalitions, margins, groups, index);
            }
            for (int g = 0; g < groups; g++) {
                double c = constant[g];
                for (int s = 0; s < coalitions; s++) {
                    margins[s * groups + g] += c;
                }
                for (int j = 0; j < m; j++) {
                    double change = delta[g * m + j];
                    if (change != 0) {
                        int from = j * coalitions;
                        for (int s = 0; s < coalitions; s++) {
                            margins[s * groups + g] += knownValue[from + s] * change;
                        }
                    }
                }
            }
            for (int s = 0; s < coalitions; s++) {
                System.arraycopy(margins, s * groups, one, 0, groups);
                out[s] += weights[b] * output(one, classIndex);
            }
        }
        return out;
    }

    /**
     * A tree walked by a hybrid of two rows, reduced to the nodes where the rows part: each node
     * is a leaf ({@code column < 0}, {@code value}) or a decision on an explained column (go to
     * {@code ifKnown} when it is known, else {@code ifUnknown}); node 0 is the root. Reused across
     * trees: a caller sets {@code size} back to 0 before each.
     */
    static final class Decisions {
        int[] column = new int[64];
        int[] ifKnown = new int[64];
        int[] ifUnknown = new int[64];
        double[] value = new double[64];
        int size;

        /** Appends the reduced walk from {@code node}; returns its index. */
        int reduce(Tree tree, int[] xNext, int xAt, double[] b, int bAt, int[] columnOfFeature, int node) {
            while (!tree.isLeaf(node)) {
                int f = tree.feature()[node];
                int viaX = xNext[xAt + node];
                int viaB = tree.next(node, b[bAt + f]);
                if (viaX == viaB || columnOfFeature[f] < 0) {
                    node = viaX;
                    continue;
                }
                int at = add(columnOfFeature[f], 0);
                int known = reduce(tree, xNext, xAt, b, bAt, columnOfFeature, viaX);
                int unknown = reduce(tree, xNext, xAt, b, bAt, columnOfFeature, viaB);
                ifKnown[at] = known;
                ifUnknown[at] = unknown;
                return at;
            }
            return add(-1, tree.value()[node]);
        }

        private int add(int c, double v) {
            if (size == column.length) {
                int n = size * 2;
                column = java.util.Arrays.copyOf(column, n);
                ifKnown = java.util.Arrays.copyOf(ifKnown, n);
                ifUnknown = java.util.Arrays.copyOf(ifUnknown, n);
                value = java.util.Arrays.copyOf(value, n);
            }
            column[size] = c;
            value[size] = v;
            return size++;
        }
    }

    /** The leaf {@code row} (features from {@code offset}) reaches. */
    private static int leaf(Tree tree, double[] row, int offset) {
        int node = 0;
        while (!tree.isLeaf(node)) {
            node = tree.next(node, row[offset + tree.feature()[node]]);
        }
        return node;
    }

    /** One row's margins, in double precision as {@link #values} computes them. */
    private void margins(double[] encoded, int offset, double[] margins) {
        System.arraycopy(baseMargin, 0, margins, 0, groups);
        for (int t = 0; t < trees.length; t++) {
            margins[groupOfTree[t]] += trees[t].predict(encoded, offset);
        }
    }

    /** The model's output from the margins: class {@code c}'s probability, or the value when {@code c < 0}. */
    private double output(double[] margins, int c) {
        if (c < 0) {
            return switch (link) {
                case EXP -> Math.exp(margins[0]);
                case LOGISTIC -> 1 / (1 + Math.exp(-margins[0]));
                default -> margins[0];
            };
        }
        String label = classes.get(c);
        if (groups > 1) {
            int g = groupNames.indexOf(label);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : margins) {
                max = Math.max(max, v);
            }
            double total = 0;
            for (double v : margins) {
                total += Math.exp(v - max);
            }
            return g < 0 ? 0 : Math.exp(margins[g] - max) / total;
        }
        double p = link == Link.LOGISTIC ? 1 / (1 + Math.exp(-margins[0])) : margins[0];
        return label.equals(positive) ? p : 1 - p;
    }
}
