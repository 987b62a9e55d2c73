package dev.failforward.io.parquet;

import blue.strategic.parquet.ParquetWriter;
import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a {@link Table} as an Apache Parquet file that {@link ParquetTableReader} (and any other
 * Parquet reader) reads back: numeric columns as optional {@code DOUBLE}, boolean columns as
 * optional {@code BOOLEAN}, categorical and text columns as optional UTF-8 strings; missing values
 * are nulls. The file goes to a temporary file in the same folder and is then moved into place,
 * so readers see the old file or the whole new one, never a part.
 */
public final class ParquetTableWriter {

    private ParquetTableWriter() {
    }

    /** The Parquet schema this writer uses for {@code table}. */
    public static MessageType schema(Table table) {
        List<Type> fields = new ArrayList<>();
        for (Column column : table.columns()) {
            fields.add(switch (column.type()) {
                case NUMERIC -> Types.optional(PrimitiveTypeName.DOUBLE).named(column.name());
                case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(column.name());
                case CATEGORICAL, TEXT -> Types.optional(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType()).named(column.name());
            });
        }
        return new MessageType("table", fields);
    }

    /** Writes {@code table} to {@code target}, whole or not at all. */
    public static void write(Table table, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        boolean moved = false;
        try {
            writeNew(table, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void writeNew(Table table, Path file) throws IOException {
        List<Column> columns = table.columns();
        try (ParquetWriter<Integer> writer = ParquetWriter.writeFile(schema(table), file.toFile(), (row, values) -> {
            for (Column column : columns) {
                if (!column.isMissing(row)) {
                    values.write(column.name(), value(column, row));
                }
            }
        })) {
            for (int row = 0; row < table.rowCount(); row++) {
                writer.write(row);
            }
        }
    }

    private static Object value(Column column, int row) {
        if (column instanceof NumericColumn numbers) {
            return numbers.get(row);
        }
        if (column.type() == ColumnType.BOOLEAN && column instanceof CategoricalColumn) {
            return Boolean.valueOf(column.text(row));
        }
        return column.text(row);
    }
}
