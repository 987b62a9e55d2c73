package dev.failforward.io.parquet;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumberKind;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.io.support.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three million US flights (11 ZSTD row groups, dictionary-encoded, written by Polars) load
 * whole, in the heap the module's tests run with, with the right types and plausible values.
 * How fast is a benchmark's business, not this test's.
 */
@Tag("slow")
class FlightsScaleTest {

    @Test
    void loadsThreeMillionFlights() {
        Table flights = new ParquetTableReader().read(SharedData.scale("flights-3m.parquet"), ReadOptions.DEFAULT);

        assertThat(flights.rowCount()).isEqualTo(3_000_000);
        assertThat(flights.columnNames()).containsExactly("date", "delay", "distance", "origin", "destination");
        assertThat(flights.columns()).extracting(Column::type).containsExactly(
                // Timestamps are times: ordered numbers, not 213,834 categories.
                ColumnType.NUMERIC, ColumnType.NUMERIC, ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.CATEGORICAL);

        double[] distance = ((NumericColumn) flights.column("distance")).values();
        assertThat(Arrays.stream(distance).min().orElseThrow()).isPositive();
        assertThat(Arrays.stream(distance).max().orElseThrow()).isLessThan(6_000); // miles; Hawaii to the East Coast is ~5,000
        double[] delay = ((NumericColumn) flights.column("delay")).values();
        assertThat(Arrays.stream(delay).filter(Double::isNaN).count()).isZero();
        assertThat(Arrays.stream(delay).average().orElseThrow()).isBetween(-30.0, 60.0); // minutes

        CategoricalColumn origin = (CategoricalColumn) flights.column("origin");
        assertThat(origin.levels()).hasSizeBetween(200, 400).contains("ATL", "JFK", "LAX", "ORD");
        assertThat(flights.column("destination").text(0)).isEqualTo("PHL");

        NumericColumn date = (NumericColumn) flights.column("date");
        assertThat(date.kind()).isEqualTo(NumberKind.TIME);
        assertThat(date.text(0)).isEqualTo("2001-01-01T00:01:00");
        for (int row = 0; row < date.size(); row += 9_973) {
            assertThat(date.text(row)).matches("2001-0[1-7]-\\d\\dT\\d\\d:\\d\\d:00");
        }
    }
}
