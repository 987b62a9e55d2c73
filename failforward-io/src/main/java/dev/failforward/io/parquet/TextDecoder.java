package dev.failforward.io.parquet;

import org.apache.parquet.column.ColumnReader;

/** Writes the current (non-null) value of a Parquet column as the string a user would type. */
@FunctionalInterface
interface TextDecoder {

    /** The value as text, or {@code null} when it is a missing value (such as a {@code NaN}). */
    String read(ColumnReader reader);
}
