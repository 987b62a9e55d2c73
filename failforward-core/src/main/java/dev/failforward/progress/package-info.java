/** Progress of long work, reported to whoever shows it (a terminal bar, a log, nothing). */
package dev.failforward.progress;
