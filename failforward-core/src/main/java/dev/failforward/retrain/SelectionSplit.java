package dev.failforward.retrain;

import dev.failforward.scan.Split;

/**
 * The run's test rows split in two: the selection rows, on which detectors and probes choose what to
 * fix, and the verification rows, which judge the fix and nothing else. Half and half, stratified by
 * class for classification (random for regression), seeded with the retrain's seed; so the same
 * run and seed always give the same halves. Both hold row indexes into the test rows, ascending.
 */
public record SelectionSplit(int[] selection, int[] verification) {

    /** The share of test rows that verify. */
    public static final double VERIFICATION_FRACTION = 0.5;

    /** Stratified halves of rows with class indexes {@code labels} ({@code null}: regression, a random half). */
    public static SelectionSplit of(int[] labels, int classes, int rows, long seed) {
        // A seed of its own, so that the halves do not repeat the scan's train/test split pattern.
        long s = seed * 1_000_003L + 17;
        int[] verification = labels == null ? Split.randomTest(rows, VERIFICATION_FRACTION, s)
                : Split.stratifiedTest(labels, classes, VERIFICATION_FRACTION, s);
        return new SelectionSplit(Split.complement(rows, verification), verification);
    }

    /** Every test row selects; the verification rows come from elsewhere ({@code --holdout}). */
    public static SelectionSplit allSelect(int rows) {
        return new SelectionSplit(java.util.stream.IntStream.range(0, rows).toArray(), new int[0]);
    }
}
