package dev.failforward.scan;

import dev.failforward.data.CsvTableReader;
import dev.failforward.data.DataException;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.model.Task;
import dev.failforward.support.Datasets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Data for a model trained elsewhere: every row scored, keys as in the file, classes from the model or the data. */
class ScanDataForModelTest {

    private static final Table IRIS = new CsvTableReader().read(Datasets.tabular("iris.csv"), ReadOptions.DEFAULT);
    private static final Table TITANIC = new CsvTableReader().read(Datasets.tabular("titanic.csv"), ReadOptions.DEFAULT);

    @Test
    void everyRowIsScoredWithFileIndexesAsKeys() {
        ScanData d = ScanData.forModel(IRIS, ScanSpec.of("species"), Task.MULTICLASS_CLASSIFICATION, List.of(), 3);
        assertThat(d.test().rowCount()).isEqualTo(150);
        assertThat(d.train().rowCount()).isZero();
        assertThat(d.testKeys()).hasSize(150).startsWith("0", "1").endsWith("149");
        assertThat(d.target().classes()).containsExactly("setosa", "versicolor", "virginica");
    }

    @Test
    void rowsWithoutTargetAreLeftOutButKeysStayFileIndexes() {
        // titanic's 'body' column is mostly empty: as a (regression) target, rows without it are left out.
        ScanData d = ScanData.forModel(TITANIC, ScanSpec.of("body"), Task.REGRESSION, List.of(), 0);
        assertThat(d.droppedRows()).isGreaterThan(1000);
        assertThat(d.test().rowCount()).isEqualTo(1309 - d.droppedRows());
        assertThat(Integer.parseInt(d.testKeys().get(0))).isGreaterThan(0);
    }

    @Test
    void modelClassesSetTheOrderAndMustCoverTheData() {
        ScanData d = ScanData.forModel(IRIS, ScanSpec.of("species"), Task.MULTICLASS_CLASSIFICATION,
                List.of("virginica", "setosa", "versicolor"), 3);
        assertThat(d.target().classes()).containsExactly("virginica", "setosa", "versicolor");
        assertThatThrownBy(() -> ScanData.forModel(IRIS, ScanSpec.of("species"), Task.MULTICLASS_CLASSIFICATION,
                List.of("a", "b", "c"), 3)).isInstanceOf(DataException.class).hasMessageContaining("not one of the classes");
    }

    @Test
    void taskMustAgreeWithTheModel() {
        assertThatThrownBy(() -> ScanData.forModel(IRIS, new ScanSpec("species", Task.REGRESSION, null, null, List.of(), 0.3, 1),
                Task.MULTICLASS_CLASSIFICATION, List.of(), 3)).hasMessageContaining("does not match the model");
        assertThatThrownBy(() -> ScanData.forModel(IRIS, ScanSpec.of("species"), Task.REGRESSION, List.of(), 0))
                .isInstanceOf(DataException.class).hasMessageContaining("numeric target");
    }

    @Test
    void classesOfASeparateTestFileComeFromTheData() {
        Table firstForty = IRIS.select(java.util.stream.IntStream.range(0, 40).toArray());
        ScanData d = ScanData.forModel(firstForty, IRIS, ScanSpec.of("species"), Task.MULTICLASS_CLASSIFICATION, List.of(), 3);
        assertThat(d.target().classes()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(d.test().rowCount()).isEqualTo(40);
    }
}
