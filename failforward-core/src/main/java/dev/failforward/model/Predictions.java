package dev.failforward.model;

import dev.failforward.api.PublicApi;

import java.util.List;

/**
 * A model's output for a batch of rows: class probabilities (row-major, {@code rows × classes})
 * for classification, or one value per row for regression.
 */
@PublicApi
public record Predictions(List<String> classes, double[] probabilities, double[] values) {

    public Predictions {
        classes = List.copyOf(classes);
        if ((probabilities == null) == (values == null)) {
            throw new IllegalArgumentException("predictions hold either probabilities or values");
        }
        if (probabilities != null && (classes.isEmpty() || probabilities.length % classes.size() != 0)) {
            throw new IllegalArgumentException("probabilities do not fit " + classes.size() + " classes");
        }
    }

    public static Predictions ofProbabilities(List<String> classes, double[] probabilities) {
        return new Predictions(classes, probabilities, null);
    }

    public static Predictions ofValues(double[] values) {
        return new Predictions(List.of(), null, values);
    }

    public boolean isClassification() {
        return probabilities != null;
    }

    public int rows() {
        return isClassification() ? probabilities.length / classes.size() : values.length;
    }

    public double probability(int row, int classIndex) {
        return probabilities[row * classes.size() + classIndex];
    }

    /** The most probable class; ties go to the lower index, so results do not depend on order of evaluation. */
    public int predictedClass(int row) {
        int k = classes.size();
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (probabilities[row * k + c] > probabilities[row * k + best]) {
                best = c;
            }
        }
        return best;
    }

    public double value(int row) {
        return values[row];
    }
}
