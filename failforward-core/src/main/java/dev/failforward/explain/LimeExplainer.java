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
 *
 * <p>Text: when the rows have text columns, each distinct word of a row's text is a player of its
 * own (attributed as {@link TextTokens#feature column: word}); a sample removes the words it does
 * not keep from the text, removing a uniformly drawn number of players as LIME does for text.
 * Only the model's predictions are used, so any model that reads text can be explained. When
 * every column is text, no background is needed and each sample is one model evaluation.
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
        if (WordHybrids.applies(request.rows())) {
            WordHybrids words = WordHybrids.of(request, KernelShapExplainer.DEFAULT_BACKGROUND);
            return RowLoop.run(ID, request.rows().rowCount(), request.threads(), request.progress(), r -> {
                WordHybrids.Players players = words.players(r);
                SplittableRandom random = CoalitionValues.random(request.seed(), r);
                boolean[] known = wordMasks(players.count(), DEFAULT_SAMPLES, random);
                String output = request.outputs().get(r);
                double[] values = CoalitionValues.of(model, words.build(r, players, known, DEFAULT_SAMPLES), words.weights(),
                        DEFAULT_SAMPLES, output);
                return fit(model, players.names(), known, values, output);
            });
        }
        Hybrids hybrids = Hybrids.of(model, request, KernelShapExplainer.DEFAULT_BACKGROUND);
        return RowLoop.run(ID, request.rows().rowCount(), request.threads(), request.progress(),
                r -> row(model, hybrids, r, request.outputs().get(r), CoalitionValues.random(request.seed(), r)));
    }

    /**
     * Masks over a text row's players as LIME draws them for text: the first sample keeps
     * everything; each other removes a uniformly drawn number (1 to P) of uniformly chosen players.
     */
    static boolean[] wordMasks(int m, int n, SplittableRandom random) {
        boolean[] known = new boolean[n * m];
        java.util.Arrays.fill(known, true);
        int[] order = new int[m];
        for (int i = 1; i < n && m > 0; i++) {
            int removed = 1 + random.nextInt(m);
            for (int j = 0; j < m; j++) {
                order[j] = j;
            }
            for (int j = 0; j < removed; j++) {
                int k = j + random.nextInt(m - j);
                int t = order[j];
                order[j] = order[k];
                order[k] = t;
                known[i * m + order[j]] = false;
            }
        }
        return known;
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
        return fit(model, hybrids.names(), known, values, output);
    }

    /** The weighted linear surrogate of {@code values} on the masks; its coefficients are the attributions. */
    private static Explanation fit(Model model, List<String> names, boolean[] known, double[] values, String output) {
        int m = names.size();
        int n = values.length;
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
            attributions.add(new Attribution(names.get(j), b[j + 1]));
        }
        return new Explanation(ID, output, CoalitionValues.scale(model), b[0], values[0], attributions,
                Fidelity.r2(WeightedLeastSquares.r2(values, fitted, w, n)));
    }
}
