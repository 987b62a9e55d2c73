package dev.failforward.probe;

/**
 * One probe at one level. {@code flipRate} is the share of rows whose predicted class changed (for
 * regression: the mean absolute prediction shift); {@code original}/{@code perturbed} are the
 * metric ({@code metric}: accuracy, or mae for regression) before and after; {@code drop} = original − perturbed
 * (for mae: perturbed − original, so a positive drop is always worse).
 */
public record ProbeResult(String id, double level, double flipRate, String metric, double original, double perturbed,
                          double drop, int rows, int failures) {
}
