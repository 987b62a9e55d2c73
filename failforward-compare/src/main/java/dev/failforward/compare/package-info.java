/**
 * Compares a candidate model with a baseline on the same rows and decides whether it may be
 * deployed: paired metric differences with bootstrap intervals, McNemar and DeLong tests, an
 * exhaustive slice search with Benjamini–Hochberg correction, the failure diff by row, and a
 * gate {@link dev.failforward.compare.Policy}. Measurement ({@link dev.failforward.compare.Comparison})
 * is kept apart from the verdict ({@link dev.failforward.compare.RuleResult}) and from the renderers.
 */
package dev.failforward.compare;
