/** Scan orchestration: prepare the data, train, evaluate on held-out rows, log the failures. */
package dev.failforward.scan;
