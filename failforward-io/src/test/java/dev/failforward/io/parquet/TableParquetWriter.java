package dev.failforward.io.parquet;

import blue.strategic.parquet.ParquetWriter;
import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link Table} as a Parquet file with parquet-floor's writer, each column as the
 * Parquet type the test chooses, so a test can read the file back and compare it with the
 * table it came from. Missing values are written as nulls.
 */
final class TableParquetWriter {

    private TableParquetWriter() {
    }

    /** Writes the columns named by {@code types}, in that order, to {@code out}. */
    static Path write(Table table, List<PrimitiveType> types, Path out) throws IOException {
        MessageType schema = new MessageType("table", List.copyOf(types));
        try (ParquetWriter<Integer> writer = ParquetWriter.writeFile(schema, out.toFile(), (row, values) -> {
            for (PrimitiveType type : types) {
                Column column = table.column(type.getName());
                if (!column.isMissing(row)) {
                    values.write(type.getName(), value(column, row, type));
                }
            }
        })) {
            for (int row = 0; row < table.rowCount(); row++) {
                writer.write(row);
            }
        }
        return out;
    }

    private static Object value(Column column, int row, PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        return switch (type.getPrimitiveTypeName()) {
            case INT32 -> (int) number(column, row);
            case INT64 -> logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal
                    ? new BigDecimal(column.text(row)).setScale(decimal.getScale()).unscaledValue().longValueExact()
                    : (long) number(column, row);
            case FLOAT -> (float) number(column, row);
            case DOUBLE -> number(column, row);
            case BOOLEAN -> Boolean.parseBoolean(column.text(row));
            case BINARY -> column.text(row);
            default -> throw new IllegalArgumentException("cannot write " + type);
        };
    }

    private static double number(Column column, int row) {
        return ((NumericColumn) column).get(row);
    }
}
