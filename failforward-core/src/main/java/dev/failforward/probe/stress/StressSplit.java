package dev.failforward.probe.stress;

/** A train/test split for a stress test: row indexes into the data (rows with a target), and what it holds out. */
record StressSplit(StressKind kind, String column, String group, int[] train, int[] test) {
}
