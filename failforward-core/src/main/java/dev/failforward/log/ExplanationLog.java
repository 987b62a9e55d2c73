package dev.failforward.log;

import dev.failforward.explain.AttributionContrast;
import dev.failforward.explain.Explanation;

import java.util.List;
import java.util.Map;

/** Explanations of a run's failures: attributions per failure and contrasts of failures with successes. */
public interface ExplanationLog {

    /**
     * Stores explanations of a run's failures (failure id to explanation), replacing earlier
     * ones by the same method, in one transaction.
     */
    void saveAttributions(String runId, Map<String, Explanation> byFailureId);

    /** The stored explanations of one failure, one per method (sorted by method). */
    List<Explanation> attributions(String failureId);

    /** The stored explanations of a run's failures: failure id to its explanations. */
    Map<String, List<Explanation>> attributionsOfRun(String runId);

    /**
     * Stores what separates a run's failures from its correct predictions by one method (see
     * {@link AttributionContrast}), replacing an earlier one by the same method.
     */
    void saveContrast(String runId, AttributionContrast contrast);

    /** The stored contrasts of a run, one per method (sorted by method); empty if it was never explained. */
    List<AttributionContrast> contrasts(String runId);
}
