/**
 * The scan of a trained model on Apache Spark: rows are scored on the executors (the model loaded
 * once per executor JVM), judged with the core's rules, summarised in mergeable statistics, and the
 * run is stored and reported exactly as a local scan is.
 */
package dev.failforward.spark;
