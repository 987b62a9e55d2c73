package dev.failforward.failure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the failures of run B differ from those of run A, matched by fingerprint: {@code fresh}
 * (failing in B, the row was predicted correctly in A), {@code fixed} (failing in A, the row was
 * predicted correctly in B), {@code persisting} (the same failure in both: B's, and A's in {@code persistingA}) and
 * failures that cannot be compared because their row was not evaluated in the other run (or was
 * evaluated on a different input). Each run's failures are split without overlap:
 * {@code |A| = fixed + persistingA + notComparableA} and {@code |B| = fresh + persisting + notComparableB}.
 */
public record RunDiff(String runA, String runB, List<Failure> fresh, List<Failure> fixed, List<Failure> persisting,
                      List<Failure> persistingA, List<Failure> notComparableA, List<Failure> notComparableB) {

    /**
     * @param failedA for each row key evaluated in A, whether it failed there
     * @param failedB the same for B
     */
    public static RunDiff of(String runA, List<Failure> failuresA, Map<String, Boolean> failedA,
                             String runB, List<Failure> failuresB, Map<String, Boolean> failedB) {
        Set<String> fingerprintsA = new HashSet<>();
        failuresA.forEach(f -> fingerprintsA.add(f.fingerprint()));
        Set<String> fingerprintsB = new HashSet<>();
        failuresB.forEach(f -> fingerprintsB.add(f.fingerprint()));
        List<Failure> fixed = new ArrayList<>();
        List<Failure> notA = new ArrayList<>();
        List<Failure> persistingA = new ArrayList<>();
        for (Failure f : failuresA) {
            if (fingerprintsB.contains(f.fingerprint())) {
                persistingA.add(f);
                continue;
            }
            if (Boolean.FALSE.equals(failedB.get(f.rowKey()))) {
                fixed.add(f);
            } else {
                notA.add(f);
            }
        }
        List<Failure> fresh = new ArrayList<>();
        List<Failure> persisting = new ArrayList<>();
        List<Failure> notB = new ArrayList<>();
        for (Failure f : failuresB) {
            if (fingerprintsA.contains(f.fingerprint())) {
                persisting.add(f);
            } else if (Boolean.FALSE.equals(failedA.get(f.rowKey()))) {
                fresh.add(f);
            } else {
                notB.add(f);
            }
        }
        return new RunDiff(runA, runB, List.copyOf(fresh), List.copyOf(fixed), List.copyOf(persisting), List.copyOf(persistingA),
                List.copyOf(notA), List.copyOf(notB));
    }

    /** For each row key of these predictions, whether it failed. */
    public static Map<String, Boolean> failedByRow(List<PredictionRecord> predictions) {
        Map<String, Boolean> out = new HashMap<>(predictions.size() * 2);
        predictions.forEach(p -> out.merge(p.rowKey(), p.failure(), Boolean::logicalOr));
        return out;
    }
}
