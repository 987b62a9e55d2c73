package dev.failforward.io.parquet;

import dev.failforward.data.Column;
import dev.failforward.data.RowLocator;
import org.apache.parquet.column.ColumnReader;

/**
 * Collects one Parquet column, row group by row group, into the arrays of one FailForward
 * column. Each implementation reads values with the primitive getter its type needs, so
 * numbers and booleans go straight into primitive arrays without a boxed object per row.
 */
sealed interface ColumnSink permits NumericSink, BooleanSink, TextSink {

    /**
     * Reads the next {@code count} values from {@code reader} into rows
     * {@code offset .. offset + count - 1}.
     */
    void read(ColumnReader reader, int offset, int count);

    /** The finished column; {@code where} names the row of a value that does not fit a forced type. */
    Column finish(RowLocator where);
}
