package dev.failforward.metric;

import dev.failforward.api.PublicApi;

/** Precision, recall and F1 of one class, with its number of true rows. */
@PublicApi
public record ClassMetrics(String label, double precision, double recall, double f1, long support) {
}
