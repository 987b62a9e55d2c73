package dev.failforward.explain;

import java.util.Arrays;

/**
 * How model-agnostic explainers shrink a background to at most a budget of rows: {@code sample}
 * (a seeded uniform sample, each row weighted equally) or {@code kmeans} (seeded k-means over the
 * standardised numbers and one-hot categories; each cluster is represented by its real row nearest
 * the centre, weighted by the cluster's share of the background, so the summary keeps the
 * background's mean better with few rows).
 */
public enum BackgroundSummary {
    SAMPLE("sample"), KMEANS("kmeans");

    private final String id;

    BackgroundSummary(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The summary with this id, or an error listing the known ids. */
    public static BackgroundSummary of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown background summary '" + id + "'; known: sample, kmeans"));
    }
}
