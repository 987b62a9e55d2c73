package dev.failforward.explain;

import dev.failforward.model.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code lime}: LIME for tables (Ribeiro, Singh and Guestrin 2016) on an interpretable binary
 * representation: each sample keeps a random subset of the row's columns and takes the others
 * from the background; samples are weighted by an exponential kernel of the share of columns
 * replaced (width 0.75 × √M on the distance √(replaced)), and a weighted linear model with an
 * intercept is fitted to the mean output. The coefficients are the attributions; fidelity is the
 * surrogate's weighted R². Budget: {@link #DEFAULT_SAMPLES} samples × background rows per row.
 */
public final class LimeExplainer implements Explainer {

    public static final String ID = "lime";
    public static final int DEFAULT_SAMPLES = 256;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "LIME: a weighted linear surrogate fitted around the row (" + DEFAULT_SAMPLES + " samples)";
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
        int n = DEFAULT_SAMPLES;
        boolean[] known = new boolean[n * m];
        java.util.Arrays.fill(known, 0, m, true);
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < m; j++) {
                known[i * m + j] = random.nextBoolean();
            }
        }
        double[] values = CoalitionValues.of(model, hybrids, row, known, n, output);
        int p = m + 1;
        double[] x = new double[n * p];
        double[] w = new double[n];
        double width = 0.75 * Math.sqrt(m);
        for (int i = 0; i < n; i++) {
            int replaced = 0;
            x[i * p] = 1;
            for (int j = 0; j < m; j++) {
                boolean k = known[i * m + j];
                x[i * p + j + 1] = k ? 1 : 0;
                replaced += k ? 0 : 1;
            }
            double d = Math.sqrt(replaced);
            w[i] = Math.exp(-d * d / (width * width));
        }
        double[] b = WeightedLeastSquares.fit(x, values, w, n, p);
        double[] fitted = new double[n];
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int j = 0; j < p; j++) {
                f += x[i * p + j] * b[j];
            }
            fitted[i] = f;
        }
        List<Attribution> attributions = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            attributions.add(new Attribution(hybrids.names().get(j), b[j + 1]));
        }
        return new Explanation(ID, output, CoalitionValues.scale(model), b[0], values[0], attributions,
                Fidelity.r2(WeightedLeastSquares.r2(values, fitted, w, n)));
    }
}
