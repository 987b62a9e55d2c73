package dev.failforward.explain;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded k-means summary of a background table (see {@link BackgroundSummary#KMEANS}): rows become
 * points of standardised numbers (missing at the mean) and one-hot categories (text is left out),
 * centres start by k-means++ and move for at most {@link #ITERATIONS} Lloyd steps; each non-empty
 * cluster gives its member nearest the centre, weighted by the cluster's size.
 */
final class KMeansBackground {

    static final int ITERATIONS = 25;

    /** The chosen rows and their weights (summing to 1). */
    record Summary(Table rows, double[] weights) {
    }

    private KMeansBackground() {
    }

    static Summary of(Table background, int k, long seed) {
        int n = background.rowCount();
        double[][] points = points(background);
        k = Math.min(k, n);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[k][];
        centres[0] = points[random.nextInt(n)].clone();
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], distance(points[i], centres[c - 1]));
                total += nearest[i];
            }
            int pick = random.nextInt(n);
            if (total > 0) {
                double u = random.nextDouble() * total;
                for (int i = 0; i < n; i++) {
                    u -= nearest[i];
                    if (u <= 0) {
                        pick = i;
                        break;
                    }
                }
            }
            centres[c] = points[pick].clone();
        }
        int[] cluster = new int[n];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            boolean moved = assign(points, centres, cluster) || iteration == 0;
            if (!moved) {
                break;
            }
            int dims = points[0].length;
            double[][] sum = new double[k][dims];
            int[] size = new int[k];
            for (int i = 0; i < n; i++) {
                size[cluster[i]]++;
                for (int d = 0; d < dims; d++) {
                    sum[cluster[i]][d] += points[i][d];
                }
            }
            for (int c = 0; c < k; c++) {
                if (size[c] > 0) {
                    for (int d = 0; d < dims; d++) {
                        centres[c][d] = sum[c][d] / size[c];
                    }
                }
            }
        }
        assign(points, centres, cluster);
        int[] medoid = new int[k];
        double[] best = new double[k];
        int[] size = new int[k];
        Arrays.fill(medoid, -1);
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int c = cluster[i];
            size[c]++;
            double d = distance(points[i], centres[c]);
            if (d < best[c]) {
                best[c] = d;
                medoid[c] = i;
            }
        }
        List<int[]> kept = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (size[c] > 0) {
                kept.add(new int[] {medoid[c], size[c]});
            }
        }
        kept.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] rows = new int[kept.size()];
        double[] weights = new double[kept.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = kept.get(i)[0];
            weights[i] = (double) kept.get(i)[1] / n;
        }
        return new Summary(background.select(rows), weights);
    }

    /** Assigns each point to its nearest centre (ties to the lower index); whether any changed. */
    private static boolean assign(double[][] points, double[][] centres, int[] cluster) {
        boolean changed = false;
        for (int i = 0; i < points.length; i++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centres.length; c++) {
                double d = distance(points[i], centres[c]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            changed |= cluster[i] != best;
            cluster[i] = best;
        }
        return changed;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double t = a[d] - b[d];
            s += t * t;
        }
        return s;
    }

    /** Standardised numbers (missing at 0, the mean) and one-hot levels (missing: all zero). */
    private static double[][] points(Table t) {
        int n = t.rowCount();
        List<double[]> dims = new ArrayList<>();
        for (Column column : t.columns()) {
            if (column instanceof NumericColumn num) {
                double mean = 0;
                int present = 0;
                for (double v : num.values()) {
                    if (!Double.isNaN(v)) {
                        mean += v;
                        present++;
                    }
                }
                mean = present == 0 ? 0 : mean / present;
                double var = 0;
                for (double v : num.values()) {
                    if (!Double.isNaN(v)) {
                        var += (v - mean) * (v - mean);
                    }
                }
                double sd = present < 2 ? 1 : Math.sqrt(var / (present - 1));
                double[] d = new double[n];
                for (int r = 0; r < n; r++) {
                    double v = num.values()[r];
                    d[r] = Double.isNaN(v) || sd == 0 ? 0 : (v - mean) / sd;
                }
                dims.add(d);
            } else if (column instanceof CategoricalColumn cat) {
                for (int level = 0; level < cat.levels().size(); level++) {
                    double[] d = new double[n];
                    for (int r = 0; r < n; r++) {
                        d[r] = cat.code(r) == level ? 1 : 0;
                    }
                    dims.add(d);
                }
            }
        }
        double[][] points = new double[n][dims.size()];
        for (int d = 0; d < dims.size(); d++) {
            for (int r = 0; r < n; r++) {
                points[r][d] = dims.get(d)[r];
            }
        }
        return points;
    }
}
