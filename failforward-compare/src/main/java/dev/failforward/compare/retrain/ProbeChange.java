package dev.failforward.compare.retrain;

import dev.failforward.api.PublicApi;

/**
 * One default probe at one level on the verification rows, for the current model ({@code before}) and a
 * candidate ({@code after}), with the same perturbed rows for both: the flip rate (the share of rows whose
 * predicted class changed; for regression the mean shift) and the failures as the probe judges them (a flip
 * for an invariance probe, a missed move for a directional one). {@code targeted}: the candidate's strategy
 * aimed at this probe. {@code changed}: the rows the probe changed (a name swap leaves a sentence without a
 * name as it is); only they can flip, so {@link #changedFlipBefore()} / {@link #changedFlipAfter()} say how
 * often a change moved the answer, the figure that still means something when the probe applies to few rows.
 */
@PublicApi
public record ProbeChange(String probe, double level, String expectation, int rows, int changed, double flipBefore,
                          double flipAfter, int failuresBefore, int failuresAfter, boolean targeted) {

    /** The flip rate over the rows the probe changed (for regression the mean shift there); NaN when it changed none. */
    public double changedFlipBefore() {
        return changed == 0 ? Double.NaN : flipBefore * rows / changed;
    }

    public double changedFlipAfter() {
        return changed == 0 ? Double.NaN : flipAfter * rows / changed;
    }
}
