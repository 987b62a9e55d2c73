package dev.failforward.explain;

import dev.failforward.model.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code permutation}: Shapley values by sampling orderings of the columns (Štrumbelj and
 * Kononenko 2014), each ordering also walked in reverse (antithetic pairs). Each ordering adds
 * columns one at a time to the known set and credits each with the change in the mean output over
 * the background, so attributions sum exactly to f(x) − E[f] (fidelity: the additivity gap).
 * Budget: {@link #DEFAULT_PERMUTATIONS} orderings × (M + 1) coalitions × background rows per row.
 */
public final class PermutationShapExplainer implements Explainer {

    public static final String ID = "permutation";
    public static final int DEFAULT_PERMUTATIONS = 10;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "permutation SHAP for any model (" + DEFAULT_PERMUTATIONS + " orderings, forward and reverse)";
    }

    @Override
    public boolean supports(Model model) {
        return true;
    }

    @Override
    public List<Explanation> explain(Model model, ExplainRequest request) {
        Hybrids hybrids = Hybrids.of(model, request, KernelShapExplainer.DEFAULT_BACKGROUND);
        return RowLoop.run(ID, request.rows().rowCount(), request.threads(), request.progress(),
                r -> row(model, hybrids, r, request.outputs().get(r), CoalitionValues.random(request.seed(), r)));
    }

    private Explanation row(Model model, Hybrids hybrids, int row, String output, SplittableRandom random) {
        int m = hybrids.columnCount();
        int orderings = DEFAULT_PERMUTATIONS - DEFAULT_PERMUTATIONS % 2;
        int[][] orders = new int[orderings][];
        for (int p = 0; p < orderings; p += 2) {
            int[] order = new int[m];
            for (int j = 0; j < m; j++) {
                order[j] = j;
            }
            for (int j = m - 1; j > 0; j--) {
                int k = random.nextInt(j + 1);
                int t = order[j];
                order[j] = order[k];
                order[k] = t;
            }
            orders[p] = order;
            int[] reverse = new int[m];
            for (int j = 0; j < m; j++) {
                reverse[j] = order[m - 1 - j];
            }
            orders[p + 1] = reverse;
        }
        int steps = m + 1;
        boolean[] known = new boolean[orderings * steps * m];
        for (int p = 0; p < orderings; p++) {
            for (int step = 1; step <= m; step++) {
                int at = (p * steps + step) * m;
                System.arraycopy(known, at - m, known, at, m);
                known[at + orders[p][step - 1]] = true;
            }
        }
        double[] values = CoalitionValues.of(model, hybrids, row, known, orderings * steps, output);
        double[] phi = new double[m];
        for (int p = 0; p < orderings; p++) {
            for (int step = 1; step <= m; step++) {
                phi[orders[p][step - 1]] += values[p * steps + step] - values[p * steps + step - 1];
            }
        }
        double base = values[0];
        double full = values[m];
        double sum = 0;
        List<Attribution> attributions = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            phi[j] /= orderings;
            sum += phi[j];
            attributions.add(new Attribution(hybrids.names().get(j), phi[j]));
        }
        return new Explanation(ID, output, CoalitionValues.scale(model), base, full, attributions,
                Fidelity.additivityGap(Math.abs(base + sum - full)));
    }
}
