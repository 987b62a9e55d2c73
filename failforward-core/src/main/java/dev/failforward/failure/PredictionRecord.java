package dev.failforward.failure;

/**
 * One stored prediction of a run, failed or not. {@code probabilities} follow the run's class
 * order (empty for regression, where {@code prediction} holds the value).
 */
public record PredictionRecord(String rowKey, String expected, String predicted, double[] probabilities,
                               Double prediction, double loss, boolean failure) {
}
