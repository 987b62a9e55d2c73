/**
 * Reads Apache Parquet files into {@link dev.failforward.data.Table}s without Hadoop.
 * {@link dev.failforward.io.parquet.ParquetTableReader} is the entry point; the other types
 * decide how each Parquet column type becomes a FailForward column and fill it in.
 * {@link dev.failforward.io.parquet.ParquetTableWriter} writes a table back as Parquet, for
 * exports that other tools read.
 */
package dev.failforward.io.parquet;
