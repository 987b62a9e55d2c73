/** Benchmark programs run by the scripts in {@code benchmarks/}; not part of the command line. */
package dev.failforward.bench;
