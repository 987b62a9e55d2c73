package dev.failforward.compare.retrain;

/**
 * One default probe at one level on the verification rows, for the current model ({@code before}) and a
 * candidate ({@code after}), with the same perturbed rows for both: the flip rate (the share of rows whose
 * predicted class changed; for regression the mean shift) and the failures as the probe judges them (a flip
 * for an invariance probe, a missed move for a directional one). {@code targeted}: the candidate's strategy
 * aimed at this probe.
 */
public record ProbeChange(String probe, double level, String expectation, int rows, double flipBefore, double flipAfter,
                          int failuresBefore, int failuresAfter, boolean targeted) {
}
