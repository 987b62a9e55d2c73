package dev.failforward.report;

import dev.failforward.failure.Failure;

import java.util.Comparator;
import java.util.List;

/** The failures a reader should see first: the highest loss, ties in their logged order. */
final class WorstFailures {

    /** How many failures the reports list in full. */
    static final int LIMIT = 20;

    private WorstFailures() {
    }

    static List<Failure> of(List<Failure> failures, int limit) {
        // A NaN loss says nothing about how bad a failure is: it sorts last.
        Comparator<Failure> byLoss = Comparator.comparingDouble(f -> Double.isNaN(f.loss()) ? Double.NEGATIVE_INFINITY : f.loss());
        return failures.stream().sorted(byLoss.reversed()).limit(limit).toList();
    }
}
