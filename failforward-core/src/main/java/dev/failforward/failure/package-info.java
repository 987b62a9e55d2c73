/** Failures: the durable record of each failed prediction, and the log that keeps them across runs. */
package dev.failforward.failure;
