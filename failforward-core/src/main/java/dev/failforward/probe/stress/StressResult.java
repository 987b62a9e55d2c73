package dev.failforward.probe.stress;

/**
 * One stress split: {@code kind} on {@code column}, {@code group} naming the held-out value, the future part
 * or the favoured rows; {@code rows} test rows ({@code trainRows} training rows; 0 when the run's model was
 * reused); {@code metric} (accuracy, or mae for regression) with its {@code value} here and on the random
 * split; {@code drop} = random − value (for mae: value − random), so positive is worse; {@code error} is
 * null unless the split could not be run.
 */
public record StressResult(StressKind kind, String column, String group, int rows, int trainRows, String metric,
                           double value, double randomSplitValue, double drop, int failures, String error) {
}
