package dev.failforward.metric;

/** Precision, recall and F1 of one class, with its number of true rows. */
public record ClassMetrics(String label, double precision, double recall, double f1, long support) {
}
