/**
 * The rows a run evaluates: preparing and splitting the data ({@link dev.failforward.scan.ScanData}),
 * fingerprints of tables, and judging predictions on held-out rows ({@link dev.failforward.scan.Holdout}).
 */
package dev.failforward.scan;
