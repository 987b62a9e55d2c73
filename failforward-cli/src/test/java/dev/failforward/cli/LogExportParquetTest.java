package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.io.parquet.ParquetTableReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code log export --format parquet} over a demo scan: the file, read back with the Parquet
 * reader, holds one row per stored failure, the fixed fields and one typed column per input column.
 */
class LogExportParquetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static String store;
    static List<JsonNode> stored;

    @BeforeAll
    static void demoScan() throws IOException {
        store = dir.resolve("ff.db").toString();
        Cli demo = Cli.run("demo", "--no-retrain", "--out", dir.resolve("demo").toString(), "--store", store);
        assertThat(demo.exit()).as(demo.err()).isZero();
        stored = new ArrayList<>();
        for (String line : Cli.run("log", "list", "--format", "jsonl", "--store", store).out().lines().toList()) {
            stored.add(JSON.readTree(line));
        }
        assertThat(stored).isNotEmpty();
    }

    @Test
    void parquetHoldsOneTypedRowPerFailure() {
        Path out = dir.resolve("f.parquet");
        Cli export = Cli.run("log", "export", "--format", "parquet", "--out", out.toString(), "--store", store);
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("Exported " + stored.size() + " failures to " + out);

        Table back = new ParquetTableReader().read(out, ReadOptions.DEFAULT);

        assertThat(back.rowCount()).isEqualTo(stored.size());
        Set<String> inputs = new LinkedHashSet<>();
        stored.forEach(f -> f.path("input").fieldNames().forEachRemaining(inputs::add));
        List<String> names = new ArrayList<>(List.of("id", "run_id", "row_key", "origin", "expected", "predicted",
                "confidence", "loss", "cause_tags", "fingerprint"));
        names.addAll(inputs);
        assertThat(back.columnNames()).isEqualTo(names);
        assertThat(inputs).contains("tenure", "contract", "monthly_charges");
        assertThat(back.column("tenure").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(back.column("monthly_charges").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(back.column("contract").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(back.column("confidence").type()).isEqualTo(ColumnType.NUMERIC);

        Map<String, JsonNode> byId = new HashMap<>();
        stored.forEach(f -> byId.put(f.path("id").asText(), f));
        Column id = back.column("id");
        for (int row = 0; row < back.rowCount(); row++) {
            JsonNode f = byId.get(id.text(row));
            assertThat(f).as("row %d id %s", row, id.text(row)).isNotNull();
            assertThat(back.column("expected").text(row)).isEqualTo(f.path("expected").asText());
            assertThat(back.column("predicted").text(row)).isEqualTo(f.path("predicted").asText());
            assertThat(((NumericColumn) back.column("loss")).get(row)).isCloseTo(f.path("loss").asDouble(), within(1e-12));
            List<String> tags = new ArrayList<>();
            f.path("cause_tags").forEach(t -> tags.add(t.asText()));
            assertThat(back.column("cause_tags").text(row)).isEqualTo(tags.isEmpty() ? null : String.join(";", tags));
            for (String name : inputs) {
                JsonNode v = f.path("input").path(name);
                Column c = back.column(name);
                if (v.isMissingNode() || v.isNull()) {
                    assertThat(c.isMissing(row)).as(name).isTrue();
                } else if (v.isNumber()) {
                    assertThat(((NumericColumn) c).get(row)).as(name).isEqualTo(v.asDouble());
                } else if (v.isBoolean()) {
                    assertThat(c.value(row)).as(name).isEqualTo(v.asBoolean());
                } else {
                    assertThat(c.text(row)).as(name).isEqualTo(v.asText());
                }
            }
        }
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, back.rowCount()).mapToObj(id::text).toList());
    }

    @Test
    void filtersApplyAndTheFileIsReplacedWhole() throws IOException {
        Path out = dir.resolve("two-year.parquet");
        Files.writeString(out, "old content");
        long count = stored.stream().filter(f -> f.path("input").path("contract").asText().equals("Two year")).count();
        Cli export = Cli.run("log", "export", "--where", "contract = 'Two year'", "--format", "parquet",
                "--out", out.toString(), "--store", store);
        assertThat(export.exit()).as(export.err()).isZero();

        Table back = new ParquetTableReader().read(out, ReadOptions.DEFAULT);

        assertThat(back.rowCount()).isEqualTo(count);
        Column contract = back.column("contract");
        for (int row = 0; row < back.rowCount(); row++) {
            assertThat(contract.text(row)).isEqualTo("Two year");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList()).isEmpty();
        }
    }

    @Test
    void aMissingOutputFolderIsBadInputAndWritesNothing() {
        Path out = dir.resolve("no-such-folder").resolve("f.parquet");
        Cli export = Cli.run("log", "export", "--format", "parquet", "--out", out.toString(), "--store", store);

        assertThat(export.exit()).isEqualTo(2);
        assertThat(export.err().strip()).isEqualTo("failforward: error: cannot write " + out + ": folder "
                + out.getParent() + " does not exist");
        assertThat(Files.exists(out.getParent())).isFalse();
    }
}
