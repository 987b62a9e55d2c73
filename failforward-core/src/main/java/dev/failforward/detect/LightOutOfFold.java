package dev.failforward.detect;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.progress.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Out-of-fold class probabilities from two light models trained on a numeric matrix that is
 * encoded once for all folds: an L2-regularised logistic regression (binary or multinomial, L-BFGS)
 * and small gradient-boosted trees on quantile bins, pooled by their geometric mean. It is what the
 * label-issue detector cross-validates with: the same kinds of model as the built-in logistic
 * regression and boosted trees, without building a model-library dataset and encoders per fold,
 * which cost most of the time on small tables.
 *
 * <p>Encoding (from all rows, labels unseen): a number is standardised, a missing one is 0 with an
 * indicator of its own; a category is one-hot over its {@link #MAX_LEVELS} most frequent levels
 * (the rest share one feature), missing as a level. Columns with one value are left out. Text
 * columns cannot be encoded here: {@link #encode} gives {@code null} and the caller uses a trainer.
 */
final class LightOutOfFold {

    /** One-hot features per categorical column at most; rarer levels share one. */
    static final int MAX_LEVELS = 64;
    /** Quantile bins per feature for the trees. */
    static final int BINS = 32;
    /** L2 penalty of the logistic regression on the summed log loss (scikit-learn's C = 1). */
    static final double LOGISTIC_L2 = 1;
    static final int LOGISTIC_ITERATIONS = 200;
    /** Boosting: 30 trees of depth 3, shrinkage 0.3, each on 80 % of the rows and features; leaf L2 and the least hessian in a child. */
    static final Boosting BOOSTING = new Boosting(30, 3, 0.3, 0.8, 0.8);
    static final double LEAF_L2 = 1;
    static final double MIN_CHILD_HESSIAN = 1;

    private LightOutOfFold() {
    }

    /** The boosted trees' size: rounds, depth, shrinkage, and the share of rows and of features each tree sees. */
    record Boosting(int rounds, int depth, double rate, double rowShare, double featureShare) {
    }

    /** The feature columns of a table as standardised numeric features, column-major. */
    record Matrix(double[][] columns, int rows) {

        int width() {
            return columns.length;
        }
    }

    /** Encodes {@code table}'s feature columns, or {@code null} when one is text or none is left. */
    static Matrix encode(Table table) {
        int n = table.rowCount();
        List<double[]> out = new ArrayList<>();
        for (Column c : table.features()) {
            if (c instanceof NumericColumn num) {
                double[] v = num.values();
                double sum = 0;
                int present = 0;
                for (double x : v) {
                    if (!Double.isNaN(x)) {
                        sum += x;
                        present++;
                    }
                }
                if (present == 0) {
                    continue;
                }
                double mean = sum / present;
                double ss = 0;
                for (double x : v) {
                    if (!Double.isNaN(x)) {
                        ss += (x - mean) * (x - mean);
                    }
                }
                double sd = Math.sqrt(ss / present);
                if (sd > 0 && Double.isFinite(sd)) {
                    double[] f = new double[n];
                    for (int i = 0; i < n; i++) {
                        f[i] = Double.isNaN(v[i]) ? 0 : (v[i] - mean) / sd;
                    }
                    out.add(f);
                }
                if (present < n) {
                    double[] missing = new double[n];
                    for (int i = 0; i < n; i++) {
                        missing[i] = Double.isNaN(v[i]) ? 1 : 0;
                    }
                    out.add(missing);
                }
            } else if (c instanceof CategoricalColumn cat) {
                int levels = cat.levels().size();
                int[] count = new int[levels + 1];
                for (int i = 0; i < n; i++) {
                    int code = cat.code(i);
                    count[code < 0 ? levels : code]++;
                }
                Integer[] order = new Integer[levels + 1];
                for (int l = 0; l <= levels; l++) {
                    order[l] = l;
                }
                Arrays.sort(order, (a, b) -> count[b] != count[a] ? Integer.compare(count[b], count[a]) : Integer.compare(a, b));
                int used = 0;
                for (int l : count) {
                    used += l > 0 ? 1 : 0;
                }
                if (used < 2) {
                    continue;
                }
                int[] feature = new int[levels + 1];
                Arrays.fill(feature, -1);
                int features = 0;
                for (Integer l : order) {
                    if (count[l] == 0) {
                        break;
                    }
                    feature[l] = Math.min(features++, MAX_LEVELS);
                }
                int width = Math.min(features, MAX_LEVELS + 1);
                double[][] f = new double[width][n];
                for (int i = 0; i < n; i++) {
                    int code = cat.code(i);
                    f[feature[code < 0 ? levels : code]][i] = 1;
                }
                out.addAll(Arrays.asList(f));
            } else {
                return null;
            }
        }
        return out.isEmpty() ? null : new Matrix(out.toArray(double[][]::new), n);
    }

    /**
     * Row-major {@code rows × classes} probabilities, each row scored by models trained on the other
     * folds ({@link OutOfFold#folds}): the logistic regression and the boosted trees pooled by their
     * normalised geometric mean (the average of their log-odds for two classes). An arithmetic mean
     * is less sure than either model wherever they disagree in degree; on the label-noise reference
     * the geometric mean found 3–5 more of the 84 flipped rows than the arithmetic one, for each size
     * of trees tried, at a similar precision.
     */
    static double[] probabilities(Matrix x, int[] labels, int classes, int folds, long seed, Progress progress) {
        return probabilities(x, labels, classes, folds, seed, progress, BOOSTING, true, true);
    }

    static double[] probabilities(Matrix x, int[] labels, int classes, int folds, long seed, Progress progress,
                                  Boosting boosting, boolean useLogistic, boolean useTrees) {
        int n = x.rows();
        int k = classes;
        int[] fold = OutOfFold.folds(labels, k, folds, seed);
        byte[][] bins = new byte[x.width()][];
        double[][] cuts = new double[x.width()][];
        for (int j = 0; j < x.width(); j++) {
            cuts[j] = cuts(x.columns()[j]);
            bins[j] = bin(x.columns()[j], cuts[j]);
        }
        double[] out = new double[n * k];
        progress.start("Cross-validating " + folds + " folds for out-of-fold probabilities", folds);
        // Each fold writes only its own rows and seeds its own sampling, so the folds run in parallel
        // and the result does not depend on the thread count.
        java.util.stream.IntStream.range(0, folds).parallel().forEach(f -> {
            int[] train = java.util.stream.IntStream.range(0, n).filter(i -> fold[i] != f).toArray();
            int[] held = java.util.stream.IntStream.range(0, n).filter(i -> fold[i] == f).toArray();
            if (held.length == 0 || train.length == 0) {
                return;
            }
            double[] lr = useLogistic ? logistic(x, labels, k, train, held) : null;
            double[] gb = useTrees ? boosted(bins, labels, k, train, held, boosting, seed + f) : null;
            if (lr == null) {
                lr = gb;
            }
            if (gb == null) {
                gb = lr;
            }
            for (int r = 0; r < held.length; r++) {
                double z = 0;
                for (int c = 0; c < k; c++) {
                    double v = Math.sqrt(Math.max(lr[r * k + c], 1e-12) * Math.max(gb[r * k + c], 1e-12));
                    out[held[r] * k + c] = v;
                    z += v;
                }
                for (int c = 0; c < k; c++) {
                    out[held[r] * k + c] /= z;
                }
            }
            synchronized (progress) {
                progress.advance(1);
            }
        });
        progress.finish();
        return out;
    }

    // ---- logistic regression ----

    /**
     * Logistic regression on the {@code train} rows — binary (one weight vector) for two classes,
     * multinomial for more — minimising the summed log loss plus {@link #LOGISTIC_L2}/2 · ‖W‖²
     * (intercepts unpenalised) by L-BFGS; probabilities of the {@code held} rows, row-major.
     */
    static double[] logistic(Matrix x, int[] labels, int k, int[] train, int[] held) {
        int d = x.width();
        int outputs = k == 2 ? 1 : k;
        int p = (d + 1) * outputs; // per output: d weights then the intercept
        double[][] xs = x.columns();
        int m = train.length;
        double[][] xt = new double[d][m];
        for (int j = 0; j < d; j++) {
            for (int r = 0; r < m; r++) {
                xt[j][r] = xs[j][train[r]];
            }
        }
        int[] y = new int[m];
        for (int r = 0; r < m; r++) {
            y[r] = labels[train[r]];
        }
        double[] scores = new double[m * outputs];
        double[] residual = new double[m];
        Objective f = (w, grad) -> {
            for (int o = 0; o < outputs; o++) {
                int base = o * (d + 1);
                double b = w[base + d];
                for (int r = 0; r < m; r++) {
                    scores[r * outputs + o] = b;
                }
                for (int j = 0; j < d; j++) {
                    double wj = w[base + j];
                    if (wj == 0) {
                        continue;
                    }
                    double[] col = xt[j];
                    for (int r = 0; r < m; r++) {
                        scores[r * outputs + o] += wj * col[r];
                    }
                }
            }
            double loss = 0;
            if (outputs == 1) {
                for (int r = 0; r < m; r++) {
                    double z = scores[r];
                    // log(1 + e^z) − y·z, stably; the residual is σ(z) − y
                    loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - (y[r] == 1 ? z : 0);
                    scores[r] = 1 / (1 + Math.exp(-z)) - (y[r] == 1 ? 1 : 0);
                }
            } else {
                for (int r = 0; r < m; r++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        max = Math.max(max, scores[r * k + c]);
                    }
                    double z = 0;
                    for (int c = 0; c < k; c++) {
                        double e = Math.exp(scores[r * k + c] - max);
                        scores[r * k + c] = e;
                        z += e;
                    }
                    loss -= Math.log(scores[r * k + y[r]] / z);
                    for (int c = 0; c < k; c++) {
                        // the residual p − [y = c]
                        scores[r * k + c] = scores[r * k + c] / z - (c == y[r] ? 1 : 0);
                    }
                }
            }
            for (int o = 0; o < outputs; o++) {
                int base = o * (d + 1);
                double gb = 0;
                for (int r = 0; r < m; r++) {
                    residual[r] = scores[r * outputs + o];
                    gb += residual[r];
                }
                grad[base + d] = gb;
                for (int j = 0; j < d; j++) {
                    double[] col = xt[j];
                    double g = 0;
                    for (int r = 0; r < m; r++) {
                        g += residual[r] * col[r];
                    }
                    grad[base + j] = g + LOGISTIC_L2 * w[base + j];
                    loss += 0.5 * LOGISTIC_L2 * w[base + j] * w[base + j];
                }
            }
            return loss;
        };
        double[] w = lbfgs(f, new double[p], LOGISTIC_ITERATIONS);
        double[] out = new double[held.length * k];
        double[] s = new double[outputs];
        for (int r = 0; r < held.length; r++) {
            int i = held[r];
            double max = Double.NEGATIVE_INFINITY;
            for (int o = 0; o < outputs; o++) {
                int base = o * (d + 1);
                double v = w[base + d];
                for (int j = 0; j < d; j++) {
                    v += w[base + j] * xs[j][i];
                }
                s[o] = v;
                max = Math.max(max, v);
            }
            if (outputs == 1) {
                double p1 = 1 / (1 + Math.exp(-s[0]));
                out[r * 2] = 1 - p1;
                out[r * 2 + 1] = p1;
            } else {
                System.arraycopy(s, 0, out, r * k, k);
                softmax(out, r * k, k, max);
            }
        }
        return out;
    }

    interface Objective {
        /** The value at {@code w}; writes the gradient into {@code grad}. */
        double at(double[] w, double[] grad);
    }

    /** Limited-memory BFGS (10 pairs) with a backtracking Armijo line search; deterministic. */
    static double[] lbfgs(Objective f, double[] w, int iterations) {
        int p = w.length;
        int memory = 10;
        double[][] s = new double[memory][];
        double[][] yv = new double[memory][];
        double[] rho = new double[memory];
        int stored = 0;
        int head = 0;
        double[] g = new double[p];
        double fx = f.at(w, g);
        double[] alpha = new double[memory];
        for (int it = 0; it < iterations; it++) {
            double gnorm = Math.sqrt(dot(g, g));
            if (gnorm < 1e-6 * Math.max(1, Math.abs(fx))) {
                break;
            }
            double[] q = g.clone();
            for (int a = 0; a < stored; a++) {
                int i = Math.floorMod(head - 1 - a, memory);
                alpha[i] = rho[i] * dot(s[i], q);
                axpy(-alpha[i], yv[i], q);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, memory);
                double scale = dot(s[last], yv[last]) / dot(yv[last], yv[last]);
                for (int i = 0; i < p; i++) {
                    q[i] *= scale;
                }
            } else {
                double scale = 1 / Math.max(gnorm, 1e-12);
                for (int i = 0; i < p; i++) {
                    q[i] *= scale;
                }
            }
            for (int a = stored - 1; a >= 0; a--) {
                int i = Math.floorMod(head - 1 - a, memory);
                double beta = rho[i] * dot(yv[i], q);
                axpy(alpha[i] - beta, s[i], q);
            }
            // q is now H·g: step along −q
            double slope = -dot(g, q);
            if (slope >= 0) {
                // not a descent direction: restart from the gradient
                stored = 0;
                q = g.clone();
                double scale = 1 / Math.max(gnorm, 1e-12);
                for (int i = 0; i < p; i++) {
                    q[i] *= scale;
                }
                slope = -dot(g, q);
            }
            double step = 1;
            double[] next = new double[p];
            double[] gNext = new double[p];
            double fNext;
            int tries = 0;
            while (true) {
                for (int i = 0; i < p; i++) {
                    next[i] = w[i] - step * q[i];
                }
                fNext = f.at(next, gNext);
                if (fNext <= fx + 1e-4 * step * slope || ++tries >= 30) {
                    break;
                }
                step /= 2;
            }
            if (!(fNext <= fx)) {
                break;
            }
            double[] sNew = new double[p];
            double[] yNew = new double[p];
            for (int i = 0; i < p; i++) {
                sNew[i] = next[i] - w[i];
                yNew[i] = gNext[i] - g[i];
            }
            double sy = dot(sNew, yNew);
            double change = fx - fNext;
            w = next;
            g = gNext;
            fx = fNext;
            if (sy > 1e-12) {
                s[head] = sNew;
                yv[head] = yNew;
                rho[head] = 1 / sy;
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
            }
            // Probabilities, not weights, are what is used: a relative change of 1e-7 is converged.
            if (change < 1e-7 * Math.max(1, Math.abs(fx))) {
                break;
            }
        }
        return w;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void softmax(double[] v, int from, int k, double max) {
        double z = 0;
        for (int c = 0; c < k; c++) {
            v[from + c] = Math.exp(v[from + c] - max);
            z += v[from + c];
        }
        for (int c = 0; c < k; c++) {
            v[from + c] /= z;
        }
    }

    // ---- boosted trees ----

    /** Upper bounds of at most {@link #BINS} quantile bins (the distinct values when fewer). */
    static double[] cuts(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        List<Double> out = new ArrayList<>();
        int n = sorted.length;
        for (int b = 1; b < BINS; b++) {
            double q = sorted[(int) Math.min(n - 1, (long) b * n / BINS)];
            if (out.isEmpty() || q > out.get(out.size() - 1)) {
                out.add(q);
            }
        }
        // a bin holds values ≤ its cut; the last bin everything above
        if (!out.isEmpty() && out.get(out.size() - 1) >= sorted[n - 1]) {
            out.remove(out.size() - 1);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static byte[] bin(double[] v, double[] cuts) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            int b = Arrays.binarySearch(cuts, v[i]);
            out[i] = (byte) (b >= 0 ? b : -b - 1);
        }
        return out;
    }

    /**
     * Gradient-boosted trees on the binned features of the {@code train}
     * rows: one tree per round on the log-odds for two classes, one per class and round (softmax)
     * for more; probabilities of the {@code held} rows, row-major.
     */
    static double[] boosted(byte[][] bins, int[] labels, int k, int[] train, int[] held, Boosting boosting, long seed) {
        java.util.Random random = new java.util.Random(seed);
        boolean[] rowIn = new boolean[train.length];
        // The training rows' bins, contiguous per feature.
        byte[][] trainBins = new byte[bins.length][train.length];
        for (int j = 0; j < bins.length; j++) {
            for (int r = 0; r < train.length; r++) {
                trainBins[j][r] = bins[j][train[r]];
            }
        }
        boolean[] featureIn = new boolean[bins.length];
        int m = train.length;
        int outputs = k == 2 ? 1 : k;
        double[] score = new double[m * outputs];
        double[] heldScore = new double[held.length * outputs];
        // Start from the class priors.
        double[] prior = new double[k];
        for (int r : train) {
            prior[labels[r]]++;
        }
        for (int o = 0; o < outputs; o++) {
            double init = k == 2 ? Math.log(Math.max(prior[1], 0.5) / Math.max(prior[0], 0.5))
                    : Math.log(Math.max(prior[o], 0.5) / m);
            for (int r = 0; r < m; r++) {
                score[r * outputs + o] = init;
            }
            for (int r = 0; r < held.length; r++) {
                heldScore[r * outputs + o] = init;
            }
        }
        double[] g = new double[m];
        double[] h = new double[m];
        double[] prob = new double[k];
        int[] node = new int[m];
        for (int round = 0; round < boosting.rounds(); round++) {
            double[][] gs = new double[outputs][m];
            double[][] hs = new double[outputs][m];
            for (int r = 0; r < m; r++) {
                int y = labels[train[r]];
                if (k == 2) {
                    double p1 = 1 / (1 + Math.exp(-score[r]));
                    gs[0][r] = p1 - (y == 1 ? 1 : 0);
                    hs[0][r] = Math.max(p1 * (1 - p1), 1e-16);
                } else {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        prob[c] = score[r * k + c];
                        max = Math.max(max, prob[c]);
                    }
                    softmax(prob, 0, k, max);
                    for (int c = 0; c < k; c++) {
                        gs[c][r] = prob[c] - (c == y ? 1 : 0);
                        hs[c][r] = Math.max(2 * prob[c] * (1 - prob[c]), 1e-16);
                    }
                }
            }
            for (int o = 0; o < outputs; o++) {
                System.arraycopy(gs[o], 0, g, 0, m);
                System.arraycopy(hs[o], 0, h, 0, m);
                // Each tree sees a random share of the rows (the others weigh nothing) and of the features.
                for (int r = 0; r < m; r++) {
                    rowIn[r] = random.nextDouble() < boosting.rowShare();
                    if (!rowIn[r]) {
                        g[r] = 0;
                        h[r] = 0;
                    }
                }
                int kept = 0;
                for (int j = 0; j < featureIn.length; j++) {
                    featureIn[j] = random.nextDouble() < boosting.featureShare();
                    kept += featureIn[j] ? 1 : 0;
                }
                if (kept == 0) {
                    featureIn[random.nextInt(featureIn.length)] = true;
                }
                Tree t = grow(trainBins, g, h, rowIn, node, boosting.depth(), featureIn);
                for (int r = 0; r < m; r++) {
                    score[r * outputs + o] += boosting.rate() * t.leaf[node[r]];
                }
                for (int r = 0; r < held.length; r++) {
                    heldScore[r * outputs + o] += boosting.rate() * t.predict(bins, held[r]);
                }
            }
        }
        double[] out = new double[held.length * k];
        for (int r = 0; r < held.length; r++) {
            if (k == 2) {
                double p1 = 1 / (1 + Math.exp(-heldScore[r]));
                out[r * 2] = 1 - p1;
                out[r * 2 + 1] = p1;
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    out[r * k + c] = heldScore[r * k + c];
                    max = Math.max(max, out[r * k + c]);
                }
                softmax(out, r * k, k, max);
            }
        }
        return out;
    }

    /**
     * A complete binary tree in arrays: node {@code i}'s children are
     * {@code 2i+1} and {@code 2i+2}; a node that did not split sends all rows left.
     */
    private record Tree(int[] feature, int[] threshold, double[] leaf) {

        double predict(byte[][] bins, int row) {
            int i = 0;
            while (i < feature.length) {
                int f = feature[i];
                i = f >= 0 && bins[f][row] > threshold[i] ? 2 * i + 2 : 2 * i + 1;
            }
            return leaf[i - feature.length];
        }
    }

    /** Grows one tree level by level with gradient histograms; {@code node} gets each row's leaf. */
    private static Tree grow(byte[][] bins, double[] g, double[] h, boolean[] rowIn, int[] node, int depth,
                             boolean[] featureIn) {
        int m = g.length;
        int d = bins.length;
        int internal = (1 << depth) - 1;
        int[] feature = new int[internal];
        int[] threshold = new int[internal];
        Arrays.fill(feature, -1);
        Arrays.fill(node, 0);
        int[] rows = new int[m];
        int sampled = 0;
        for (int r = 0; r < m; r++) {
            if (rowIn[r]) {
                rows[sampled++] = r;
            }
        }
        double[] gIn = new double[sampled];
        double[] hIn = new double[sampled];
        int[] offset = new int[sampled];
        for (int i = 0; i < sampled; i++) {
            gIn[i] = g[rows[i]];
            hIn[i] = h[rows[i]];
        }
        for (int level = 0; level < depth; level++) {
            int first = (1 << level) - 1;
            int width = 1 << level;
            // g and h interleaved; only the sampled rows (the others weigh nothing)
            double[] hist = new double[2 * width * d * BINS];
            double[] gNode = new double[width];
            double[] hNode = new double[width];
            for (int i = 0; i < sampled; i++) {
                int nd = node[rows[i]] - first;
                gNode[nd] += gIn[i];
                hNode[nd] += hIn[i];
                offset[i] = nd * d * BINS;
            }
            for (int j = 0; j < d; j++) {
                if (!featureIn[j]) {
                    continue;
                }
                byte[] b = bins[j];
                int jo = j * BINS;
                for (int i = 0; i < sampled; i++) {
                    int at = 2 * (offset[i] + jo + b[rows[i]]);
                    hist[at] += gIn[i];
                    hist[at + 1] += hIn[i];
                }
            }
            for (int nd = 0; nd < width; nd++) {
                double gt = gNode[nd];
                double ht = hNode[nd];
                double parent = gt * gt / (ht + LEAF_L2);
                double best = 1e-9;
                for (int j = 0; j < d; j++) {
                    if (!featureIn[j]) {
                        continue;
                    }
                    double gl = 0;
                    double hl = 0;
                    int base = 2 * (nd * d + j) * BINS;
                    for (int b = 0; b < BINS - 1; b++) {
                        gl += hist[base + 2 * b];
                        hl += hist[base + 2 * b + 1];
                        double hr = ht - hl;
                        if (hl < MIN_CHILD_HESSIAN || hr < MIN_CHILD_HESSIAN) {
                            continue;
                        }
                        double gr = gt - gl;
                        double gain = gl * gl / (hl + LEAF_L2) + gr * gr / (hr + LEAF_L2) - parent;
                        if (gain > best) {
                            best = gain;
                            feature[first + nd] = j;
                            threshold[first + nd] = b;
                        }
                    }
                }
            }
            for (int r = 0; r < m; r++) {
                int i = node[r];
                int f = feature[i];
                node[r] = f >= 0 && bins[f][r] > threshold[i] ? 2 * i + 2 : 2 * i + 1;
            }
        }
        int leaves = 1 << depth;
        double[] gLeaf = new double[leaves];
        double[] hLeaf = new double[leaves];
        for (int r = 0; r < m; r++) {
            node[r] -= internal;
            gLeaf[node[r]] += g[r];
            hLeaf[node[r]] += h[r];
        }
        double[] leaf = new double[leaves];
        for (int l = 0; l < leaves; l++) {
            leaf[l] = -gLeaf[l] / (hLeaf[l] + LEAF_L2);
        }
        return new Tree(feature, threshold, leaf);
    }
}
