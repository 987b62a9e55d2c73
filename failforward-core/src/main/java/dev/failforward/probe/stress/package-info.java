/**
 * Stress tests with unseen data: leave-one-group-out (train without a group, test on it), a time-ordered
 * split (train on the past, test on the future) and a shifted test set (the test rows resampled so one
 * feature's distribution moves), each compared with the random split's metric.
 */
package dev.failforward.probe.stress;
