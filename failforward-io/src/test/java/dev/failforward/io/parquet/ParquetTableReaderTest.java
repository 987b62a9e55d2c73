package dev.failforward.io.parquet;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.CsvTableReader;
import dev.failforward.data.DataException;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReader;
import dev.failforward.data.TableReaders;
import dev.failforward.io.support.SharedData;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Titanic passenger list, read from CSV, written to Parquet with a mix of physical and
 * logical types (small, unsigned and 64-bit integers, a decimal, doubles, a boolean, strings
 * with nulls), must read back as the very table the CSV reader made.
 */
class ParquetTableReaderTest {

    /** Survived is 0/1 in the CSV; forcing it to boolean lets it be stored as a Parquet BOOLEAN. */
    private static final ReadOptions CSV_OPTIONS = new ReadOptions(Map.of("survived", ColumnType.BOOLEAN));

    @TempDir
    static Path dir;
    private static Table csv;
    private static Path parquet;

    @BeforeAll
    static void writeFixture() throws IOException {
        csv = new CsvTableReader().read(SharedData.tabular("titanic.csv"), CSV_OPTIONS);
        parquet = TableParquetWriter.write(csv, titanicTypes(), dir.resolve("titanic.parquet"));
    }

    static List<PrimitiveType> titanicTypes() {
        return List.of(
                Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(8, true)).named("pclass"),
                Types.optional(PrimitiveTypeName.BOOLEAN).named("survived"),
                string("name"),
                string("sex"),
                Types.optional(PrimitiveTypeName.DOUBLE).named("age"),
                Types.optional(PrimitiveTypeName.INT32).named("sibsp"),
                Types.optional(PrimitiveTypeName.INT64).named("parch"),
                string("ticket"),
                Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.decimalType(4, 12)).named("fare"),
                string("cabin"),
                string("embarked"),
                string("boat"),
                Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, false)).named("body"),
                string("home.dest"));
    }

    private static PrimitiveType string(String name) {
        return Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
    }

    private static Table readParquet(ReadOptions options) {
        return new ParquetTableReader().read(parquet, options);
    }

    @Test
    void readsBackTheTableTheCsvReaderMade() {
        Table back = readParquet(ReadOptions.DEFAULT);

        assertThat(back.rowCount()).isEqualTo(1309);
        assertThat(back.source()).isEqualTo(parquet.toString());
        assertThat(back.schema()).isEqualTo(csv.schema());
        for (Column column : csv.columns()) {
            assertThat(back.column(column.name())).as(column.name()).isEqualTo(column);
        }
    }

    @Test
    void typesAndValuesAreTheExpectedOnes() {
        Table back = readParquet(ReadOptions.DEFAULT);

        assertThat(back.column("pclass").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(back.column("survived").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(back.column("sex").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(back.column("name").type()).isEqualTo(ColumnType.TEXT);
        assertThat(back.column("fare").type()).isEqualTo(ColumnType.NUMERIC);
        // First passenger: Allen, Miss. Elisabeth Walton, 1st class, survived, age 29, fare 211.3375.
        assertThat(back.column("name").text(0)).isEqualTo("Allen, Miss. Elisabeth Walton");
        assertThat(back.column("survived").value(0)).isEqualTo(true);
        assertThat(((NumericColumn) back.column("fare")).get(0)).isEqualTo(211.3375);
        assertThat(((NumericColumn) back.column("age")).get(1)).isEqualTo(0.9167);
        assertThat(missing(back.column("age"))).isEqualTo(263);
        assertThat(missing(back.column("body"))).isEqualTo(1188);
        assertThat(missing(back.column("cabin"))).isEqualTo(1014);
        assertThat(missing(back.column("fare"))).isEqualTo(1);
    }

    @Test
    void forcedTypesConvertAsForCsv() {
        ReadOptions options = new ReadOptions(Map.of("pclass", ColumnType.CATEGORICAL, "sex", ColumnType.TEXT));
        Table back = readParquet(options);
        Table fromCsv = new CsvTableReader().read(SharedData.tabular("titanic.csv"), options);

        CategoricalColumn pclass = (CategoricalColumn) back.column("pclass");
        assertThat(pclass.levels()).containsExactly("1", "2", "3");
        assertThat(pclass).isEqualTo(fromCsv.column("pclass"));
        assertThat(back.column("sex")).isEqualTo(fromCsv.column("sex"));
        assertThat(back.column("sex").type()).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void aValueThatDoesNotFitAForcedTypeNamesFileRowAndColumn() {
        assertThatThrownBy(() -> readParquet(new ReadOptions(Map.of("sex", ColumnType.NUMERIC))))
                .isInstanceOf(DataException.class)
                .hasMessage(parquet + ": row 1, column 'sex': expected a number, found 'female'");

        // Forcing a Parquet integer to boolean goes through its text, as in CSV: the first 2 fails.
        int firstTwo = firstRowWith(csv.column("sibsp"), "2");
        assertThatThrownBy(() -> readParquet(new ReadOptions(Map.of("sibsp", ColumnType.BOOLEAN))))
                .isInstanceOf(DataException.class)
                .hasMessage(parquet + ": row " + (firstTwo + 1) + ", column 'sibsp': expected true/false, yes/no or 1/0, found '2'");
    }

    @Test
    void aTypeForAColumnTheFileLacksIsAnError() {
        assertThatThrownBy(() -> readParquet(new ReadOptions(Map.of("Age", ColumnType.NUMERIC))))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(parquet + ": a type is given for column 'Age', which the file does not have; columns are pclass, survived, name");
    }

    @Test
    void isRegisteredForParquetFileNames() {
        assertThat(TableReaders.all()).extracting(TableReader::id).contains("parquet");
        TableReader reader = new ParquetTableReader();
        assertThat(reader.accepts(Path.of("data/flights.parquet"))).isTrue();
        assertThat(reader.accepts(Path.of("FLIGHTS.PARQ"))).isTrue();
        assertThat(reader.accepts(Path.of("flights.csv"))).isFalse();
        assertThat(reader.accepts(Path.of("parquet"))).isFalse();

        Table viaRegistry = TableReaders.read(parquet, CSV_OPTIONS);
        assertThat(viaRegistry.schema()).isEqualTo(csv.schema());
    }

    private static int missing(Column column) {
        int n = 0;
        for (int row = 0; row < column.size(); row++) {
            n += column.isMissing(row) ? 1 : 0;
        }
        return n;
    }

    private static int firstRowWith(Column column, String text) {
        for (int row = 0; row < column.size(); row++) {
            if (text.equals(column.text(row))) {
                return row;
            }
        }
        throw new AssertionError("no row with " + text);
    }
}
