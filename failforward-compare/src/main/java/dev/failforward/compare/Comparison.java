package dev.failforward.compare;

import dev.failforward.api.PublicApi;

import java.util.List;

/**
 * The measured difference between a candidate and a baseline on the same rows. It holds no models
 * and no data beyond example rows; a {@link Policy} turns it into a {@link Verdict}.
 *
 * @param slicesExamined every slice tested (the family of the multiple-testing correction);
 *                       {@code slices} keeps the most significant of them
 * @param flipRate share of rows whose predicted class differs (NaN for regression)
 */
@PublicApi
public record Comparison(String task, String target, String data, int rows, SideSummary baseline, SideSummary candidate,
                         List<SideSummary> references, List<MetricDelta> metrics, List<SliceDelta> slices,
                         int slicesExamined, FailureDiff failureDiff, double flipRate, CompareSettings settings) {

    public static final int SCHEMA_VERSION = 1;

    public Comparison {
        references = List.copyOf(references);
        metrics = List.copyOf(metrics);
        slices = List.copyOf(slices);
    }
}
