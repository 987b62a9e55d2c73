package dev.failforward.probe;

/**
 * One probe at one level. {@code flipRate} is the share of rows whose predicted class changed (for
 * regression: the mean absolute prediction shift); {@code original}/{@code perturbed} are the
 * metric ({@code metric}: accuracy, or mae for regression) before and after; {@code drop} = original − perturbed
 * (for mae: perturbed − original, so a positive drop is always worse). {@code dropLow}/{@code dropHigh}
 * bound the drop with 95% confidence (paired bootstrap over rows, see {@link DropInterval}; NaN when
 * not computed); {@code expectation} is the label of what the rows were judged by (INV, DIR up, …).
 */
public record ProbeResult(String id, double level, double flipRate, String metric, double original, double perturbed,
                          double drop, int rows, int failures, double dropLow, double dropHigh, String expectation) {

    /** A result without a confidence interval, judged for invariance. */
    public ProbeResult(String id, double level, double flipRate, String metric, double original, double perturbed,
                       double drop, int rows, int failures) {
        this(id, level, flipRate, metric, original, perturbed, drop, rows, failures, Double.NaN, Double.NaN, "INV");
    }

    /** This result with its failure count set. */
    ProbeResult withFailures(int count) {
        return new ProbeResult(id, level, flipRate, metric, original, perturbed, drop, rows, count, dropLow, dropHigh,
                expectation);
    }
}
