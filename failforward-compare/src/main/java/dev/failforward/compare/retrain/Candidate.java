package dev.failforward.compare.retrain;

import dev.failforward.api.PublicApi;
import dev.failforward.compare.MetricDelta;
import dev.failforward.compare.Verdict;

import java.util.List;

/**
 * One strategy's outcome. {@code status}: {@code candidate} (a model was trained and judged),
 * {@code skipped} (nothing to work from; {@code reason} says why) or {@code error} (the strategy
 * failed; {@code reason} is the cause). For a candidate: what it changed in the training rows, the
 * primary metric on the verification rows with its paired-bootstrap interval, the gate's verdict,
 * what it targeted before and after, the targeted slices and the probe flip rate before and after
 * (NaN without probes), every default probe on the verification rows before and after, the primary metric's difference on the selection rows (what decides whether
 * it helped, for {@code combined}), and where the model was saved.
 */
@PublicApi
public record Candidate(String strategy, String status, String reason, String note, String aim, int trainingRows, int dropped,
                        int repeated, int relabeled, int added, MetricDelta primary, Verdict verdict, Targeted targeted,
                        List<SliceChange> slices, double flipBefore, double flipAfter, List<ProbeChange> probes,
                        double selectionDifference,
                        boolean improved, boolean worse, boolean recommended, String modelFingerprint, String modelPath) {

    public static final String CANDIDATE = "candidate";
    public static final String SKIPPED = "skipped";
    public static final String ERROR = "error";

    public Candidate {
        slices = slices == null ? List.of() : List.copyOf(slices);
        probes = probes == null ? List.of() : List.copyOf(probes);
    }

    public static Candidate skipped(String strategy, String reason) {
        return new Candidate(strategy, SKIPPED, reason, null, null, 0, 0, 0, 0, 0, null, null, null, List.of(), Double.NaN,
                Double.NaN, List.of(), Double.NaN, false, false, false, null, null);
    }

    public static Candidate error(String strategy, String cause) {
        return new Candidate(strategy, ERROR, cause, null, null, 0, 0, 0, 0, 0, null, null, null, List.of(), Double.NaN,
                Double.NaN, List.of(), Double.NaN, false, false, false, null, null);
    }

    public boolean judged() {
        return CANDIDATE.equals(status);
    }

    public boolean passed() {
        return verdict != null && !verdict.blocked();
    }

    Candidate judged(Targeted t, boolean isImproved, boolean isWorse, boolean isRecommended) {
        return new Candidate(strategy, status, reason, note, aim, trainingRows, dropped, repeated, relabeled, added, primary,
                verdict, t, slices, flipBefore, flipAfter, probes, selectionDifference, isImproved, isWorse, isRecommended,
                modelFingerprint, modelPath);
    }
}
