/**
 * Black-box adversarial search for tabular classifiers: for each correctly predicted test row, a small
 * change over the mutable features, within declared bounds, that flips the predicted class. The model
 * is only queried through batched {@code predict} calls; every example found is re-scored before it counts.
 */
package dev.failforward.probe.adversarial;
