/**
 * What every model trained outside FailForward needs: the {@code --model-config} file, the plan that
 * feeds data columns to a model's inputs, and file hashes for fingerprints.
 */
package dev.failforward.model.external;
