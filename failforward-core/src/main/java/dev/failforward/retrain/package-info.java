/**
 * Retraining with failure samples: a {@link dev.failforward.retrain.RetrainStrategy} (found with
 * {@link java.util.ServiceLoader} under a unique id, see {@link dev.failforward.retrain.RetrainStrategies})
 * turns what a scan found on the selection rows (failures, weak slices, flipped probes, adversarial
 * examples, suspected label errors, production failures) into a {@link dev.failforward.retrain.TrainingSet}:
 * rows added, rows dropped or repeated, labels changed. {@link dev.failforward.retrain.SelectionSplit}
 * keeps the rows that choose a fix apart from the rows that judge it.
 */
package dev.failforward.retrain;
