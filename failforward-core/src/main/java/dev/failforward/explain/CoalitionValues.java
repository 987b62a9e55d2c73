package dev.failforward.explain;

import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;

import java.util.List;

/**
 * The model's expected output when only some columns are known: the (weighted) mean, over the
 * background rows, of the output for rows that take the known columns from the explained row. One batched
 * model call per explained row.
 */
final class CoalitionValues {

    private CoalitionValues() {
    }

    /** One value per coalition ({@code known[s × M + j]}); {@code output} is the explained class or null. */
    static double[] of(Model model, Hybrids hybrids, int row, boolean[] known, int coalitions, String output) {
        if (hybrids.trees() != null) {
            return hybrids.trees().values(row, known, coalitions, hybrids.columnCount(), output);
        }
        return of(model, hybrids.build(row, known, coalitions), hybrids.weights(), coalitions, output);
    }

    /** The weighted mean output per coalition of a table of hybrids (coalition s, background b at row s × |weights| + b). */
    static double[] of(Model model, Table table, double[] w, int coalitions, String output) {
        Predictions p = model.predict(table);
        int classIndex = -1;
        if (p.isClassification()) {
            List<String> classes = p.classes();
            classIndex = classes.indexOf(output);
            if (classIndex < 0) {
                throw new IllegalArgumentException("the model has no class '" + output + "'; classes: " + String.join(", ", classes));
            }
        }
        int bg = w.length;
        double[] out = new double[coalitions];
        for (int s = 0; s < coalitions; s++) {
            double sum = 0;
            for (int b = 0; b < bg; b++) {
                int r = s * bg + b;
                sum += w[b] * (classIndex >= 0 ? p.probability(r, classIndex) : p.value(r));
            }
            out[s] = sum;
        }
        return out;
    }

    /** The scale name for explanations of this model's outputs. */
    static String scale(Model model) {
        return model.target().task().isClassification() ? "probability" : "value";
    }

    /** Background rows: all of {@code background} if small enough, else a seeded sample of {@code max}. */
    static Table sample(Table background, int max, long seed) {
        int n = background.rowCount();
        if (n == 0) {
            throw new IllegalArgumentException("the background has no rows");
        }
        if (n <= max) {
            return background;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(idx, max);
        java.util.Arrays.sort(chosen);
        return background.select(chosen);
    }

    /** A generator for row {@code row} only, so results do not depend on which thread or order rows are done in. */
    static java.util.SplittableRandom random(long seed, int row) {
        return new java.util.SplittableRandom(seed * 0x9E3779B97F4A7C15L + row);
    }
}
