package dev.failforward.failure;

import dev.failforward.api.PublicApi;

/**
 * One stored prediction of a run, failed or not. {@code probabilities} follow the run's class
 * order (empty for regression, where {@code prediction} holds the value).
 */
@PublicApi
public record PredictionRecord(String rowKey, String expected, String predicted, double[] probabilities,
                               Double prediction, double loss, boolean failure) {

    /** Equal when every field is, the probabilities compared by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PredictionRecord p && rowKey.equals(p.rowKey) && java.util.Objects.equals(expected, p.expected)
                && java.util.Objects.equals(predicted, p.predicted) && java.util.Arrays.equals(probabilities, p.probabilities)
                && java.util.Objects.equals(prediction, p.prediction) && Double.compare(loss, p.loss) == 0 && failure == p.failure;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(rowKey, expected, predicted, prediction, loss, failure) * 31 + java.util.Arrays.hashCode(probabilities);
    }
}
