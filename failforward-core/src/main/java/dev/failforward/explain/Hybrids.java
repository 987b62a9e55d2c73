package dev.failforward.explain;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;
import dev.failforward.model.Model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the rows model-agnostic explainers score: a row whose "known" columns keep their values
 * and whose other columns take a background row's values. One table per explained row holds every
 * coalition × background row, so the model is called once per explained row (batched).
 */
final class Hybrids {

    private final List<String> names;
    private final Table rows;
    private final Table background;
    /** For categorical columns: the shared levels and each side's code mapping. */
    private final Map<String, List<String>> levels = new HashMap<>();
    private final Map<String, int[]> rowCodes = new HashMap<>();
    private final Map<String, int[]> backgroundCodes = new HashMap<>();
    private final double[] weights;
    private EnsembleCoalitions trees;

    /**
     * The hybrids of a request's rows with a seeded sample of at most {@code backgroundRows} of its
     * background (or of the rows themselves when it has none), over every column.
     */
    static Hybrids of(Model model, ExplainRequest request, int backgroundRows) {
        Table rows = request.rows();
        Table all = request.background() == null ? rows : request.background();
        Hybrids h;
        if (request.summary() == BackgroundSummary.KMEANS && all.rowCount() > backgroundRows) {
            KMeansBackground.Summary summary = KMeansBackground.of(all, backgroundRows, request.seed());
            h = new Hybrids(rows, summary.rows(), rows.columnNames(), summary.weights());
        } else {
            h = new Hybrids(rows, CoalitionValues.sample(all, backgroundRows, request.seed()), rows.columnNames());
        }
        h.trees = EnsembleCoalitions.of(model, rows, h.background, h.names, h.weights);
        return h;
    }

    /** The model's trees standing in for it when it is a tree ensemble they reproduce, else null. */
    EnsembleCoalitions trees() {
        return trees;
    }

    Hybrids(Table rows, Table background, List<String> names) {
        this(rows, background, names, uniform(background.rowCount()));
    }

    /** {@code weights}: each background row's weight in the expected output, summing to 1. */
    Hybrids(Table rows, Table background, List<String> names, double[] weights) {
        if (weights.length != background.rowCount()) {
            throw new IllegalArgumentException(background.rowCount() + " background rows but " + weights.length + " weights");
        }
        this.weights = weights.clone();
        this.names = List.copyOf(names);
        this.rows = rows;
        this.background = background;
        for (String name : names) {
            Column a = rows.column(name);
            Column b = background.column(name);
            if (a.type() != b.type() && !(a instanceof NumericColumn && b instanceof NumericColumn)) {
                throw new IllegalArgumentException("column '" + name + "' is " + a.type() + " in the rows but "
                        + b.type() + " in the background");
            }
            if (a instanceof CategoricalColumn ca && b instanceof CategoricalColumn cb) {
                List<String> union = new ArrayList<>(ca.levels());
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < union.size(); i++) {
                    index.put(union.get(i), i);
                }
                int[] mapB = new int[cb.levels().size()];
                for (int i = 0; i < mapB.length; i++) {
                    String level = cb.levels().get(i);
                    Integer at = index.get(level);
                    if (at == null) {
                        at = union.size();
                        union.add(level);
                        index.put(level, at);
                    }
                    mapB[i] = at;
                }
                levels.put(name, union);
                rowCodes.put(name, ca.codes());
                int[] codes = new int[cb.size()];
                for (int r = 0; r < codes.length; r++) {
                    codes[r] = cb.code(r) < 0 ? -1 : mapB[cb.code(r)];
                }
                backgroundCodes.put(name, codes);
            } else if (a instanceof CategoricalColumn || b instanceof CategoricalColumn) {
                throw new IllegalArgumentException("column '" + name + "' has different types in the rows and the background");
            }
        }
    }

    int columnCount() {
        return names.size();
    }

    List<String> names() {
        return names;
    }

    int backgroundSize() {
        return background.rowCount();
    }

    /** Each background row's weight in the expected output (summing to 1). */
    double[] weights() {
        return weights;
    }

    private static double[] uniform(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        return w;
    }

    /**
     * For explained row {@code row}: {@code coalitions} masks ({@code known[s * M + j]}: column j
     * known in sample s), each combined with every background row; sample s, background b is row
     * {@code s × backgroundSize + b}.
     */
    Table build(int row, boolean[] known, int coalitions) {
        int m = names.size();
        int bg = background.rowCount();
        int n = coalitions * bg;
        List<Column> out = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            String name = names.get(j);
            Column a = rows.column(name);
            Column b = background.column(name);
            if (a instanceof NumericColumn na && b instanceof NumericColumn nb) {
                double[] v = new double[n];
                double x = na.values()[row];
                for (int s = 0; s < coalitions; s++) {
                    boolean k = known[s * m + j];
                    for (int r = 0; r < bg; r++) {
                        v[s * bg + r] = k ? x : nb.values()[r];
                    }
                }
                out.add(new NumericColumn(name, v));
            } else if (a instanceof CategoricalColumn ca) {
                int[] codes = new int[n];
                int x = rowCodes.get(name)[row];
                int[] bc = backgroundCodes.get(name);
                for (int s = 0; s < coalitions; s++) {
                    boolean k = known[s * m + j];
                    for (int r = 0; r < bg; r++) {
                        codes[s * bg + r] = k ? x : bc[r];
                    }
                }
                out.add(new CategoricalColumn(name, ca.type(), levels.get(name), codes));
            } else {
                String[] v = new String[n];
                String x = a.text(row);
                for (int s = 0; s < coalitions; s++) {
                    boolean k = known[s * m + j];
                    for (int r = 0; r < bg; r++) {
                        v[s * bg + r] = k ? x : b.text(r);
                    }
                }
                out.add(new TextColumn(name, v));
            }
        }
        return Table.of(rows.source() + " (perturbed)", out);
    }
}
