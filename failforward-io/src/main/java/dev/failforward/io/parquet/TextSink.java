package dev.failforward.io.parquet;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnParser;
import dev.failforward.data.ColumnType;
import dev.failforward.data.RowLocator;
import org.apache.parquet.column.ColumnReader;

/**
 * A column that becomes FailForward strings first and is typed by {@link ColumnParser}, exactly
 * as a CSV column with the same strings would be: strings, dates and times, and any column
 * whose type the user forced to something its Parquet type does not give directly. Equal
 * strings share one instance while reading, so a categorical column costs one reference per
 * row until the parser turns it into codes.
 */
final class TextSink implements ColumnSink {

    private final String name;
    private final TextDecoder decoder;
    private final ColumnType forced;
    private final String[] values;
    private final StringPool pool = new StringPool();

    TextSink(String name, TextDecoder decoder, ColumnType forced, int rows) {
        this.name = name;
        this.decoder = decoder;
        this.forced = forced;
        this.values = new String[rows];
    }

    @Override
    public void read(ColumnReader reader, int offset, int count) {
        int defined = reader.getDescriptor().getMaxDefinitionLevel();
        for (int i = offset, end = offset + count; i < end; i++) {
            values[i] = reader.getCurrentDefinitionLevel() == defined ? pool.share(decoder.read(reader)) : null;
            reader.consume();
        }
    }

    @Override
    public Column finish(RowLocator where) {
        return ColumnParser.parse(name, values, forced, where);
    }
}
