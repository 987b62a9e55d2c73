package dev.failforward.io.parquet;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.RowLocator;
import org.apache.parquet.column.ColumnReader;

import java.util.List;

/** A Parquet {@code BOOLEAN} column as a boolean column: codes 0 (false), 1 (true), -1 (missing). */
final class BooleanSink implements ColumnSink {

    private final String name;
    private final int[] codes;

    BooleanSink(String name, int rows) {
        this.name = name;
        this.codes = new int[rows];
    }

    @Override
    public void read(ColumnReader reader, int offset, int count) {
        int defined = reader.getDescriptor().getMaxDefinitionLevel();
        for (int i = offset, end = offset + count; i < end; i++) {
            codes[i] = reader.getCurrentDefinitionLevel() == defined ? (reader.getBoolean() ? 1 : 0) : -1;
            reader.consume();
        }
    }

    @Override
    public Column finish(RowLocator where) {
        return new CategoricalColumn(name, ColumnType.BOOLEAN, List.of("false", "true"), codes);
    }
}
