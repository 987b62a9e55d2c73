package dev.failforward.rag;

/**
 * One metric of two retrievers on the same questions: both means, the difference (candidate −
 * baseline), its 95 % paired-bootstrap interval and two-sided p-value; for hit@k also McNemar's
 * counts ({@code worse}: questions only the baseline answered; {@code better}: only the candidate).
 */
public record PairedDelta(String metric, double baseline, double candidate, double delta, double low, double high,
                          double pValue, long worse, long better, String test) {

    /** The candidate is significantly worse at level 0.05. */
    public boolean significantlyWorse() {
        return delta < 0 && pValue < 0.05;
    }
}
