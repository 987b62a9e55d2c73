package dev.failforward.io.parquet;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.CsvTableReader;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;
import dev.failforward.io.support.SharedData;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Titanic passenger list (numbers, a boolean, categories, free text, many missing values),
 * written with {@link ParquetTableWriter}, must read back with {@link ParquetTableReader} as the
 * very table that was written.
 */
class ParquetTableWriterTest {

    @TempDir
    Path dir;

    @Test
    void titanicRoundTripsWithTypesAndMissingValues() throws IOException {
        Table csv = new CsvTableReader().read(SharedData.tabular("titanic.csv"),
                new ReadOptions(Map.of("survived", ColumnType.BOOLEAN)));
        Path out = dir.resolve("titanic.parquet");

        ParquetTableWriter.write(csv, out);
        Table back = new ParquetTableReader().read(out, ReadOptions.DEFAULT);

        assertThat(back.rowCount()).isEqualTo(1309);
        assertThat(back.columnNames()).isEqualTo(csv.columnNames());
        assertThat(back.schema()).isEqualTo(csv.schema());
        for (Column column : csv.columns()) {
            assertThat(back.column(column.name())).as(column.name()).isEqualTo(column);
        }
        assertThat(back.column("survived").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(back.column("name").type()).isEqualTo(ColumnType.TEXT);
        assertThat(((NumericColumn) back.column("age")).get(1)).isEqualTo(0.9167);
        assertThat(back.column("age").isMissing(15)).isEqualTo(csv.column("age").isMissing(15));
        long missingAge = java.util.stream.IntStream.range(0, 1309).filter(back.column("age")::isMissing).count();
        assertThat(missingAge).isEqualTo(263);
        // Only the finished file is left in the folder.
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("titanic.parquet");
        }
    }

    @Test
    void schemaMapsEachColumnTypeToItsNaturalParquetType() {
        Table csv = new CsvTableReader().read(SharedData.tabular("titanic.csv"),
                new ReadOptions(Map.of("survived", ColumnType.BOOLEAN)));
        var schema = ParquetTableWriter.schema(csv);

        assertThat(schema.getType("age").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.DOUBLE);
        assertThat(schema.getType("survived").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.BOOLEAN);
        assertThat(schema.getType("sex").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.BINARY);
        assertThat(schema.getType("name").getLogicalTypeAnnotation())
                .isEqualTo(org.apache.parquet.schema.LogicalTypeAnnotation.stringType());
    }

    @Test
    void anExistingFileIsReplacedWhole() throws IOException {
        Path out = dir.resolve("replaced.parquet");
        Files.writeString(out, "old content");
        Table table = Table.of("small", List.of(new TextColumn("a", new String[] {"x", null})));

        ParquetTableWriter.write(table, out);
        Table back = new ParquetTableReader().read(out, ReadOptions.DEFAULT);

        assertThat(back.rowCount()).isEqualTo(2);
        assertThat(back.column("a").text(0)).isEqualTo("x");
        assertThat(back.column("a").isMissing(1)).isTrue();
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path out = dir.resolve("kept.parquet");
        Files.writeString(out, "old content");
        Table table = Table.of("small", List.of(new TextColumn("a", new String[] {"x", "y"})));
        // The parent of the target is a file, so the temporary file cannot be created.
        Path notAFolder = dir.resolve("kept.parquet").resolve("inner.parquet");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParquetTableWriter.write(table, notAFolder))
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(out)).isEqualTo("old content");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("kept.parquet");
        }
    }
}
