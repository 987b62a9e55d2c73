package dev.failforward.explain;

import dev.failforward.model.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code kernelshap}: KernelSHAP (Lundberg and Lee 2017) for any model. The players are the
 * request's columns; a column not in the coalition takes the background's values. The background is
 * summarised by a seeded sample of at most {@link #DEFAULT_BACKGROUND} rows. Budget: with M
 * columns, all 2^M − 2 coalitions when that is at most {@link #DEFAULT_SAMPLES}, else
 * {@link #DEFAULT_SAMPLES} coalitions drawn in complementary pairs with sizes from the Shapley
 * kernel; so a row costs (coalitions + 2) × background model evaluations, in one batched call.
 * The weighted linear fit is constrained so attributions sum exactly to f(x) − E[f]; fidelity is
 * the fit's weighted R² on the coalitions.
 */
public final class KernelShapExplainer implements Explainer {

    public static final String ID = "kernelshap";
    public static final int DEFAULT_SAMPLES = 256;
    public static final int DEFAULT_BACKGROUND = 50;

    private final int samples;
    private final int backgroundRows;

    public KernelShapExplainer() {
        this(DEFAULT_SAMPLES, DEFAULT_BACKGROUND);
    }

    public KernelShapExplainer(int samples, int backgroundRows) {
        if (samples < 2 || backgroundRows < 1) {
            throw new IllegalArgumentException("kernelshap needs at least 2 samples and 1 background row");
        }
        this.samples = samples;
        this.backgroundRows = backgroundRows;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "KernelSHAP for any model (" + samples + " coalitions × up to " + backgroundRows + " background rows per row)";
    }

    @Override
    public boolean supports(Model model) {
        return true;
    }

    @Override
    public List<Explanation> explain(Model model, ExplainRequest request) {
        Hybrids hybrids = Hybrids.of(model, request, backgroundRows);
        return RowLoop.run(ID, request.rows().rowCount(), request.threads(), request.progress(),
                r -> row(model, hybrids, r, request.outputs().get(r), CoalitionValues.random(request.seed(), r)));
    }

    /** Evaluations of the model per explained row with {@code columns} players: (coalitions + 2) × background. */
    public long evaluationsPerRow(int columns, int background) {
        return (long) (coalitions(columns) + 2) * Math.min(background, backgroundRows);
    }

    private int coalitions(int m) {
        return m < 31 && (1 << m) - 2 <= samples ? (1 << m) - 2 : samples - samples % 2;
    }

    private Explanation row(Model model, Hybrids hybrids, int row, String output, SplittableRandom random) {
        int m = hybrids.columnCount();
        int s = coalitions(m);
        boolean exact = s == (1 << Math.min(m, 30)) - 2 && m < 31;
        boolean[] known = new boolean[(s + 2) * m];
        java.util.Arrays.fill(known, m, 2 * m, true);
        double[] weight = new double[s];
        if (exact) {
            for (int mask = 1, i = 0; mask < (1 << m) - 1; mask++, i++) {
                int size = Integer.bitCount(mask);
                for (int j = 0; j < m; j++) {
                    known[(i + 2) * m + j] = (mask & (1 << j)) != 0;
                }
                weight[i] = (m - 1) / (binomial(m, size) * size * (m - size));
            }
        } else {
            double[] sizeProbability = new double[m];
            double total = 0;
            for (int size = 1; size < m; size++) {
                sizeProbability[size] = (m - 1.0) / (size * (m - size));
                total += sizeProbability[size];
            }
            int[] order = new int[m];
            for (int i = 0; i < s; i += 2) {
                double u = random.nextDouble() * total;
                int size = 1;
                while (size < m - 1 && u >= sizeProbability[size]) {
                    u -= sizeProbability[size];
                    size++;
                }
                for (int j = 0; j < m; j++) {
                    order[j] = j;
                }
                for (int j = 0; j < size; j++) {
                    int k = j + random.nextInt(m - j);
                    int t = order[j];
                    order[j] = order[k];
                    order[k] = t;
                    known[(i + 2) * m + order[j]] = true;
                }
                for (int j = 0; j < m; j++) {
                    known[(i + 3) * m + j] = !known[(i + 2) * m + j];
                }
                weight[i] = 1;
                weight[i + 1] = 1;
            }
        }
        double[] values = CoalitionValues.of(model, hybrids, row, known, s + 2, output);
        double base = values[0];
        double full = values[1];
        double delta = full - base;
        double[] phi = new double[m];
        double r2 = 1;
        if (m == 1) {
            phi[0] = delta;
        } else {
            // Eliminate the last player with the constraint Σ φ = Δ, then fit the other M − 1.
            int p = m - 1;
            double[] x = new double[s * p];
            double[] y = new double[s];
            for (int i = 0; i < s; i++) {
                double last = known[(i + 2) * m + p] ? 1 : 0;
                for (int j = 0; j < p; j++) {
                    x[i * p + j] = (known[(i + 2) * m + j] ? 1 : 0) - last;
                }
                y[i] = values[i + 2] - base - last * delta;
            }
            double[] b = WeightedLeastSquares.fit(x, y, weight, s, p);
            double rest = 0;
            for (int j = 0; j < p; j++) {
                phi[j] = b[j];
                rest += b[j];
            }
            phi[p] = delta - rest;
            double[] fitted = new double[s];
            double[] observed = new double[s];
            for (int i = 0; i < s; i++) {
                double f = base;
                for (int j = 0; j < m; j++) {
                    if (known[(i + 2) * m + j]) {
                        f += phi[j];
                    }
                }
                fitted[i] = f;
                observed[i] = values[i + 2];
            }
            r2 = WeightedLeastSquares.r2(observed, fitted, weight, s);
        }
        List<Attribution> attributions = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            attributions.add(new Attribution(hybrids.names().get(j), phi[j]));
        }
        return new Explanation(ID, output, CoalitionValues.scale(model), base, full, attributions, Fidelity.r2(r2));
    }

    static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
