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

class ScanDataTest {

    private static final Table TELCO = new CsvTableReader().read(Datasets.tabular("telco_churn.csv"), ReadOptions.DEFAULT);

    @Test
    void stratifiedSplitKeepsClassSharesAndIsSeeded() {
        ScanData a = ScanData.prepare(TELCO, null, ScanSpec.of("churn"));
        assertThat(a.target().task()).isEqualTo(Task.BINARY_CLASSIFICATION);
        assertThat(a.target().classes()).containsExactly("No", "Yes");
        assertThat(a.test().rowCount()).isEqualTo(2113);
        assertThat(a.train().rowCount() + a.test().rowCount()).isEqualTo(7043);
        long yesTest = a.test().rowCount() - java.util.Arrays.stream(ScanData.labels(a.test(), a.target())).filter(l -> l == 0).count();
        assertThat(yesTest).isEqualTo(Math.round(0.3 * 1869));
        ScanData b = ScanData.prepare(TELCO, null, ScanSpec.of("churn"));
        assertThat(b.testKeys()).isEqualTo(a.testKeys());
        ScanData c = ScanData.prepare(TELCO, null, new ScanSpec("churn", null, null, null, List.of(), 0.3, 7));
        assertThat(c.testKeys()).isNotEqualTo(a.testKeys());
    }

    @Test
    void positiveClassGoesSecond() {
        ScanData d = ScanData.prepare(TELCO, null, new ScanSpec("churn", null, "No", null, List.of(), 0.3, 42));
        assertThat(d.target().classes()).containsExactly("Yes", "No");
    }

    @Test
    void numericTargetWithManyValuesIsRegression() {
        Table ames = new CsvTableReader().read(Datasets.tabular("ames_housing.csv"), ReadOptions.DEFAULT);
        assertThat(ScanData.prepare(ames, null, ScanSpec.of("Sale_Price")).target().task()).isEqualTo(Task.REGRESSION);
        Table iris = new CsvTableReader().read(Datasets.tabular("iris.csv"), ReadOptions.DEFAULT);
        assertThat(ScanData.prepare(iris, null, ScanSpec.of("species")).target().task()).isEqualTo(Task.MULTICLASS_CLASSIFICATION);
    }

    @Test
    void badTargetsAreClearErrors() {
        assertThatThrownBy(() -> ScanData.prepare(TELCO, null, ScanSpec.of("nope")))
                .isInstanceOf(DataException.class).hasMessageContaining("no column 'nope'").hasMessageContaining("churn");
        Table oneClass = TELCO.select(java.util.stream.IntStream.range(0, TELCO.rowCount())
                .filter(i -> TELCO.column("churn").text(i).equals("No")).toArray());
        assertThatThrownBy(() -> ScanData.prepare(oneClass, null, ScanSpec.of("churn")))
                .isInstanceOf(DataException.class).hasMessageContaining("only one class");
    }

    @Test
    void trainingRowsAreKeyedLikeTestRows() {
        ScanData split = ScanData.prepare(TELCO, null, ScanSpec.of("churn"));
        assertThat(split.trainKeys()).hasSize(split.train().rowCount());
        java.util.Set<String> all = new java.util.HashSet<>(split.trainKeys());
        all.addAll(split.testKeys());
        assertThat(all).as("file indexes 0..7042, each once").hasSize(7043).contains("0", "7042");

        ScanData files = ScanData.prepare(TELCO, TELCO.select(new int[]{5, 6}), ScanSpec.of("churn"));
        assertThat(files.testKeys()).containsExactly("0", "1");
        assertThat(files.trainKeys().get(0)).as("apart from the test file's keys").isEqualTo("train:0");
    }

    @Test
    void idColumnGivesRowKeys() {
        Table all = new CsvTableReader().read(Datasets.tabular("titanic.csv"), ReadOptions.DEFAULT);
        ScanSpec byName = new ScanSpec("survived", null, null, "name", List.of("boat", "body"), 0.3, 42);
        // Two passengers share a name with another: keys must be unique, and the error says where.
        assertThatThrownBy(() -> ScanData.prepare(all, null, byName)).isInstanceOf(DataException.class)
                .hasMessageContaining("'Connolly, Miss. Kate' is on line 727 and line 728");
        java.util.Set<String> seen = new java.util.HashSet<>();
        Table titanic = all.select(java.util.stream.IntStream.range(0, all.rowCount())
                .filter(i -> seen.add(all.column("name").text(i))).toArray());
        ScanData d = ScanData.prepare(titanic, null, byName);
        assertThat(d.testKeys().get(0)).contains(",");
        assertThat(d.train().role("boat")).isEqualTo(dev.failforward.data.ColumnRole.IGNORED);
        assertThat(d.train().features()).extracting(c -> c.name()).doesNotContain("survived", "name", "boat");
    }
}
