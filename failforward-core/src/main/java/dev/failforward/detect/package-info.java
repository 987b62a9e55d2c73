/**
 * Detectors: plugins that look at a scan's data and predictions and say where failures
 * concentrate and why (weak slices, calibration, label issues, drift, leakage). Each keeps its
 * measurement apart from the severity it assigns, which comes from configurable thresholds.
 */
package dev.failforward.detect;
