package dev.failforward.compare;

import dev.failforward.api.PublicApi;

/**
 * One metric of both models: the values, the candidate-minus-baseline difference with its paired
 * bootstrap interval, and the paired test's p-value ({@code test} names it: {@code mcnemar},
 * {@code delong} or {@code bootstrap}). {@code higherIsBetter} says which way a drop goes.
 */
@PublicApi
public record MetricDelta(String metric, double baseline, double candidate, double difference, double ciLow,
                          double ciHigh, double pValue, String test, boolean higherIsBetter) {

    /** How much worse the candidate is, in the metric's units (negative when it is better). */
    public double drop() {
        return higherIsBetter ? -difference : difference;
    }
}
