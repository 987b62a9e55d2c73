package dev.failforward.io.parquet;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.DataException;
import dev.failforward.data.NumberKind;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each Parquet physical and logical type lands in the FailForward column the reader documents,
 * with nulls as missing values. The values are those of the first flights in the scale data
 * set (1 January 2001), stored in every encoding a writer might choose.
 */
class ParquetTypesTest {

    private static final String SCHEMA = """
            message flights {
              optional int32 day (DATE);
              optional int64 departed_utc (TIMESTAMP(MILLIS,true));
              optional int64 departed_local (TIMESTAMP(NANOS,false));
              optional int32 clock (TIME(MILLIS,true));
              optional int96 legacy_stamp;
              optional fixed_len_byte_array(16) fare (DECIMAL(30,2));
              optional binary refund (DECIMAL(12,3));
              optional float load_factor;
              optional int64 passengers (INTEGER(64,false));
              optional boolean cancelled;
              optional binary origin (STRING);
              optional binary carrier;
              optional fixed_len_byte_array(16) booking (UUID);
            }
            """;

    @TempDir
    Path dir;

    private static final long DAY = LocalDate.of(2001, 1, 1).toEpochDay();
    private static final long DEPARTED = Instant.parse("2001-01-01T00:01:00Z").toEpochMilli();
    private static final UUID BOOKING = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

    private Table read(ReadOptions options) throws IOException {
        Path file = GroupFiles.write(dir.resolve("types.parquet"), SCHEMA,
                row -> row.append("day", (int) DAY)
                        .append("departed_utc", DEPARTED + 250)
                        .append("departed_local", DEPARTED * 1_000_000 + 1)
                        .append("clock", LocalTime.of(13, 45).toSecondOfDay() * 1000)
                        .append("legacy_stamp", new NanoTime((int) (DAY + 2_440_588), 60_000_000_000L))
                        .append("fare", fixed(BigInteger.valueOf(21_76_50), 16))
                        .append("refund", Binary.fromConstantByteArray(BigInteger.valueOf(-1_500).toByteArray()))
                        .append("load_factor", 0.75f)
                        .append("passengers", -1L)
                        .append("cancelled", true)
                        .append("origin", "LAS")
                        .append("carrier", "UA")
                        .append("booking", uuid(BOOKING)),
                row -> row.append("load_factor", Float.NaN)
                        .append("cancelled", false)
                        .append("origin", "ATL"),
                row -> row.append("passengers", 215L));
        return new ParquetTableReader().read(file, options);
    }

    @Test
    void mapsEachTypeAsDocumented() throws IOException {
        Table table = read(ReadOptions.DEFAULT);

        assertThat(table.rowCount()).isEqualTo(3);
        // Dates and times are numbers (seconds since 1970 UTC, to about a microsecond), written back in ISO-8601.
        assertThat(texts(table.column("day"))).containsExactly("2001-01-01", null, null);
        assertThat(texts(table.column("departed_utc"))).containsExactly("2001-01-01T00:01:00.250", null, null);
        assertThat(texts(table.column("departed_local"))).containsExactly("2001-01-01T00:01:00", null, null);
        assertThat(texts(table.column("clock"))).containsExactly("13:45:00", null, null);
        assertThat(texts(table.column("legacy_stamp"))).containsExactly("2001-01-01T00:01:00", null, null);
        assertThat(table.column("day").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(((NumericColumn) table.column("day")).kind()).isEqualTo(NumberKind.DATE);
        assertThat(((NumericColumn) table.column("departed_utc")).values()[0]).isEqualTo(978_307_260.25);
        assertThat(((NumericColumn) table.column("legacy_stamp")).kind()).isEqualTo(NumberKind.TIME);
        assertThat(table.column("clock").type()).isEqualTo(ColumnType.CATEGORICAL);

        assertThat(numbers(table.column("fare"))).containsExactly(2176.5, Double.NaN, Double.NaN);
        assertThat(numbers(table.column("refund"))).containsExactly(-1.5, Double.NaN, Double.NaN);
        assertThat(numbers(table.column("load_factor"))).containsExactly(0.75, Double.NaN, Double.NaN);
        assertThat(numbers(table.column("passengers"))).containsExactly(0x1p64, Double.NaN, 215.0);

        CategoricalColumn cancelled = (CategoricalColumn) table.column("cancelled");
        assertThat(cancelled.type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(cancelled.levels()).containsExactly("false", "true");
        assertThat(cancelled.codes()).containsExactly(1, 0, -1);

        assertThat(texts(table.column("origin"))).containsExactly("LAS", "ATL", null);
        assertThat(table.column("origin").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(texts(table.column("carrier"))).containsExactly("UA", null, null);
        assertThat(texts(table.column("booking"))).containsExactly(BOOKING.toString(), null, null);
    }

    @Test
    void forcedTypesGoThroughTheValuesText() throws IOException {
        Table table = read(new ReadOptions(Map.of(
                "passengers", ColumnType.CATEGORICAL, "fare", ColumnType.TEXT, "cancelled", ColumnType.CATEGORICAL)));

        assertThat(texts(table.column("passengers"))).containsExactly("18446744073709551615", null, "215");
        assertThat(table.column("fare").type()).isEqualTo(ColumnType.TEXT);
        assertThat(texts(table.column("fare"))).containsExactly("2176.50", null, null);
        assertThat(table.column("cancelled").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(texts(table.column("cancelled"))).containsExactly("true", "false", null);
    }

    @Test
    void aTimestampForcedToNumericFailsLikeTheSameStringsInCsv() {
        assertThatThrownBy(() -> read(new ReadOptions(Map.of("departed_utc", ColumnType.NUMERIC))))
                .isInstanceOf(DataException.class)
                .hasMessageEndingWith("types.parquet: row 1, column 'departed_utc': expected a number, found '2001-01-01T00:01:00.250Z'");
    }

    private static List<String> texts(Column column) {
        List<String> out = new ArrayList<>();
        for (int row = 0; row < column.size(); row++) {
            out.add(column.text(row));
        }
        return out;
    }

    private static double[] numbers(Column column) {
        assertThat(column).isInstanceOf(NumericColumn.class);
        return ((NumericColumn) column).values();
    }

    /** A big-endian two's-complement integer, sign-extended to {@code length} bytes. */
    private static Binary fixed(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        byte fill = value.signum() < 0 ? (byte) -1 : 0;
        Arrays.fill(out, 0, length - raw.length, fill);
        System.arraycopy(raw, 0, out, length - raw.length, raw.length);
        return Binary.fromConstantByteArray(out);
    }

    private static Binary uuid(UUID id) {
        return Binary.fromConstantByteArray(ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
    }
}
