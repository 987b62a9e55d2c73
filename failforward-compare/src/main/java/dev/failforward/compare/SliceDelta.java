package dev.failforward.compare;

import dev.failforward.api.PublicApi;

import java.util.List;

/**
 * How the two models do on one slice of the rows: accuracy (share of rows that are not failures)
 * of each, the discordant counts, the mean per-row loss difference (candidate minus baseline:
 * Brier score for classification, squared error for regression), {@code pValue}, the one-sided
 * exact McNemar test that the candidate is wrong more often there, and {@code qValue}, its
 * Benjamini–Hochberg adjustment over every slice examined.
 * {@code kind} is {@code search} for a found slice, {@code group} for a value of a declared group column.
 */
@PublicApi
public record SliceDelta(String description, List<String> columns, String kind, int size, double baselineAccuracy,
                         double candidateAccuracy, long worse, long better, double lossDelta,
                         double pValue, double qValue) {

    public SliceDelta {
        columns = List.copyOf(columns);
    }

    /** Candidate minus baseline accuracy: negative when the candidate is worse here. */
    public double delta() {
        return candidateAccuracy - baselineAccuracy;
    }

    SliceDelta withQ(double q) {
        return new SliceDelta(description, columns, kind, size, baselineAccuracy, candidateAccuracy, worse, better,
                lossDelta, pValue, q);
    }
}
