/**
 * Explainers: attributions of a model's output to its input columns, for failures and for correct
 * predictions alike. Each explainer is a recipe found by id through {@link java.util.ServiceLoader};
 * what it produces are {@link dev.failforward.explain.Explanation} records that carry their own
 * fidelity, so an untrustworthy explanation can be told from a good one.
 */
package dev.failforward.explain;
