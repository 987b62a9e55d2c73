/**
 * A run from begin to complete ({@link dev.failforward.session.RunSession}) and the scan built on it
 * ({@link dev.failforward.session.Scanner}): score, judge, detect, the optional steps (probes, attacks,
 * stress), store, and the immutable {@link dev.failforward.session.ScanResult}.
 */
package dev.failforward.session;
