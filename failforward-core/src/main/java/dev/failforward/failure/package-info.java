/**
 * Failures: the durable record of each failed prediction and what is kept with it (triage,
 * production events, counts per value, filters over them). The log that keeps them across runs is
 * in {@code dev.failforward.log}.
 */
package dev.failforward.failure;
