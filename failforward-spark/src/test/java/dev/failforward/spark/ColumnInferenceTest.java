package dev.failforward.spark;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Types and levels inferred from a Spark dataset equal those FailForward's CSV reader infers from the file. */
@Tag("slow")
class ColumnInferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"titanic.csv", "credit_data.csv", "telco_churn.csv"})
    void sparkInfersWhatTheCsvReaderInfers(String file) {
        Path csv = SharedSpark.datasets().resolve("tabular").resolve(file);
        Table local = TableReaders.read(csv, ReadOptions.DEFAULT);
        List<ColumnSpec> spark = ColumnInference.infer(SparkScan.read(SharedSpark.get(), csv.toString()));
        assertThat(spark).extracting(ColumnSpec::name).containsExactlyElementsOf(local.columnNames());
        for (ColumnSpec c : spark) {
            Column expected = local.column(c.name());
            assertThat(c.type()).as(c.name()).isEqualTo(expected.type());
            if (expected instanceof CategoricalColumn cat) {
                assertThat(c.levels()).as(c.name()).isEqualTo(cat.levels());
            }
        }
        if (file.equals("titanic.csv")) {
            // Free text, categories and numbers with missing values are all there.
            assertThat(spark).extracting(ColumnSpec::type).contains(dev.failforward.data.ColumnType.TEXT,
                    dev.failforward.data.ColumnType.CATEGORICAL, dev.failforward.data.ColumnType.NUMERIC);
        }
    }
}
