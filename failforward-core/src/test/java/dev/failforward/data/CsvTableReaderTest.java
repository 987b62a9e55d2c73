package dev.failforward.data;

import dev.failforward.support.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableReaderTest {

    private final CsvTableReader reader = new CsvTableReader();

    @TempDir
    Path dir;

    @Test
    void readsTelcoWithInferredTypes() {
        Table t = reader.read(Datasets.tabular("telco_churn.csv"), ReadOptions.DEFAULT);
        assertThat(t.rowCount()).isEqualTo(7043);
        assertThat(t.columns()).hasSize(20);
        assertThat(t.column("tenure").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(t.column("contract").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(((CategoricalColumn) t.column("contract")).levels())
                .containsExactly("Month-to-month", "One year", "Two year");
        assertThat(t.column("churn").text(0)).isEqualTo("No");
        assertThat(((NumericColumn) t.column("monthly_charges")).get(1)).isEqualTo(56.95);
        // total_charges has blanks in the real data: they are missing, not zero.
        NumericColumn total = (NumericColumn) t.column("total_charges");
        long missing = java.util.stream.IntStream.range(0, t.rowCount()).filter(total::isMissing).count();
        assertThat(missing).isPositive();
    }

    @Test
    void titanicNamesAreTextAndMissingAgesAreMissing() {
        Table t = reader.read(Datasets.tabular("titanic.csv"), ReadOptions.DEFAULT);
        assertThat(t.column("name").type()).isEqualTo(ColumnType.TEXT);
        assertThat(t.column("name").text(0)).isEqualTo("Allen, Miss. Elisabeth Walton");
        Column age = t.column("age");
        assertThat(age.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(java.util.stream.IntStream.range(0, t.rowCount()).filter(age::isMissing).count()).isEqualTo(263);
    }

    @Test
    void semicolonTabBomQuotesAndEmbeddedNewlines() throws IOException {
        Path semi = write("semi.csv", "\uFEFFa;b;label\n1;\"x;y\";yes\n2;\"multi\nline\";no\n");
        Table t = reader.read(semi, ReadOptions.DEFAULT);
        assertThat(t.columnNames()).containsExactly("a", "b", "label");
        assertThat(t.column("b").text(0)).isEqualTo("x;y");
        assertThat(t.column("b").text(1)).isEqualTo("multi\nline");
        Path tab = write("tab.tsv", "a\tb\n1\t2\n3\t\n");
        Table u = reader.read(tab, ReadOptions.DEFAULT);
        assertThat(u.column("b").isMissing(1)).isTrue();
    }

    @Test
    void raggedRowNamesItsLine() throws IOException {
        Path bad = write("bad.csv", "a,b,y\n1,2,0\n3,4,1\n5,6\n7,8,1\n");
        assertThatThrownBy(() -> reader.read(bad, ReadOptions.DEFAULT))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("bad.csv:4")
                .hasMessageContaining("line 4")
                .hasMessageContaining("expected 3 fields");
    }

    @Test
    void lineNumbersCountEmbeddedNewlines() throws IOException {
        Path bad = write("bad.csv", "a,b\n\"x\ny\",1\nz,oops\n");
        assertThatThrownBy(() -> reader.read(bad, new ReadOptions(Map.of("b", ColumnType.NUMERIC))))
                .hasMessageContaining("bad.csv:4")
                .hasMessageContaining("column 'b'")
                .hasMessageContaining("expected a number, found 'oops'");
    }

    @Test
    void emptyAndHeaderOnlyFiles() throws IOException {
        Path empty = write("empty.csv", "");
        assertThatThrownBy(() -> reader.read(empty, ReadOptions.DEFAULT)).isInstanceOf(DataException.class)
                .hasMessageContaining("empty.csv").hasMessageContaining("empty");
        Path header = write("header.csv", "a,b\n");
        assertThatThrownBy(() -> reader.read(header, ReadOptions.DEFAULT)).hasMessageContaining("no rows");
    }

    @Test
    void typeOverrideForUnknownColumnIsAnError() {
        assertThatThrownBy(() -> reader.read(Datasets.tabular("iris.csv"), new ReadOptions(Map.of("nope", ColumnType.TEXT))))
                .hasMessageContaining("'nope'").hasMessageContaining("species");
    }

    @Test
    void missingFileThroughTheRegistry() {
        assertThatThrownBy(() -> TableReaders.read(dir.resolve("absent.csv"), ReadOptions.DEFAULT))
                .isInstanceOf(DataException.class).hasMessageContaining("absent.csv: file not found");
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }
}
