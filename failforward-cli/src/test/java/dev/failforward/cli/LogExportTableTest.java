package dev.failforward.cli;

import blue.strategic.parquet.ParquetReader;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.failure.Failure;
import dev.failforward.io.parquet.ParquetTableReader;
import dev.failforward.io.parquet.ParquetTableWriter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures of two runs with different input columns (a classifier and a regressor) become one
 * table over the union of their columns, typed by the values, with nulls where a failure lacks a
 * column; the table survives a Parquet round trip.
 */
class LogExportTableTest {

    @TempDir
    Path dir;

    private static Failure failure(String id, String run, Map<String, Object> input, String expected, Double confidence,
                                   List<String> tags) {
        return new Failure(id, run, "row-" + id, "holdout", input, expected, "x", Map.of(), null, confidence, 0.5, tags,
                "fp-" + id);
    }

    private static Map<String, Object> input(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void unionOfInputColumnsWithNaturalTypesAndNulls() throws IOException {
        List<Failure> failures = List.of(
                failure("a", "r1", input("tenure", 3, "partner", true, "contract", "One year", "id", "c-1"), "Yes", 0.9,
                        List.of("near_boundary", "rare_category")),
                failure("b", "r1", input("tenure", 7.5, "partner", null, "contract", "Two year", "id", "c-2"), "No", 0.6,
                        List.of()),
                failure("c", "r2", input("price", 120000L, "mixed", "n/a"), "250000", null, List.of("outlier")),
                failure("d", "r2", input("price", 98000.5, "mixed", 4), "101000", null, List.of()));

        Table table = FailureTable.of(failures);
        Path out = dir.resolve("f.parquet");
        ParquetTableWriter.write(table, out);
        Table back = new ParquetTableReader().read(out, ReadOptions.DEFAULT);

        assertThat(back.columnNames()).containsExactly("id", "run_id", "row_key", "origin", "expected", "predicted",
                "confidence", "loss", "cause_tags", "fingerprint", "tenure", "partner", "contract", "input.id", "price", "mixed");
        assertThat(back.rowCount()).isEqualTo(4);
        assertThat(back.column("tenure").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(((NumericColumn) back.column("tenure")).get(1)).isEqualTo(7.5);
        assertThat(back.column("tenure").isMissing(2)).isTrue();
        assertThat(back.column("partner").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(back.column("partner").value(0)).isEqualTo(true);
        assertThat(back.column("partner").isMissing(1)).isTrue();
        assertThat(back.column("price").isMissing(0)).isTrue();
        assertThat(((NumericColumn) back.column("price")).get(2)).isEqualTo(120000.0);
        assertThat(back.column("input.id").text(1)).isEqualTo("c-2");
        assertThat(back.column("id").text(1)).isEqualTo("b");
        // A column with numbers and text is text; the number keeps its plain form.
        assertThat(back.column("mixed").text(2)).isEqualTo("n/a");
        assertThat(back.column("mixed").text(3)).isEqualTo("4");
        assertThat(back.column("cause_tags").text(0)).isEqualTo("near_boundary;rare_category");
        assertThat(back.column("confidence").isMissing(2)).isTrue();
        assertThat(((NumericColumn) back.column("confidence")).get(0)).isEqualTo(0.9);
        assertThat(back.column("expected").text(2)).isEqualTo("250000");
    }

    @Test
    void noFailuresGiveAValidFileWithTheFixedColumnsAndNoRows() throws IOException {
        Path out = dir.resolve("empty.parquet");
        ParquetTableWriter.write(FailureTable.of(List.of()), out);
        // FailForward's reader refuses a data file without rows, so the footer is read directly.
        ParquetMetadata footer = ParquetReader.readMetadata(out.toFile());

        assertThat(footer.getBlocks().stream().mapToLong(b -> b.getRowCount()).sum()).isZero();
        assertThat(footer.getFileMetaData().getSchema().getFields().stream().map(f -> f.getName()).toList())
                .containsExactlyElementsOf(FailureTable.FIXED);
    }
}
