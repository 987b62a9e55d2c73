package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values that used to surprise quietly, on the real telco data: infinities in a numeric column,
 * row keys that a spreadsheet runs as formulas, and terminal escape sequences in data values.
 */
class QuietSurprisesTest {

    private static final String ESC = "\u001b";

    @TempDir
    static Path dir;
    static Path store;
    static Cli scan;

    @BeforeAll
    static void scanTelcoWithSurprises() throws IOException {
        List<String> lines = Files.readAllLines(Datasets.tabular("telco_churn.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int tenure = header.indexOf("\"tenure\"");
        int contract = header.indexOf("\"contract\"");
        List<String> out = new ArrayList<>();
        out.add("key," + lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length != header.size()) {
                continue;
            }
            f[tenure] = switch (i % 40) {
                case 3 -> "Infinity";
                case 4 -> "-inf";
                case 5 -> "1e400";
                default -> f[tenure];
            };
            if (i % 11 == 0) {
                f[contract] = "\"Month" + ESC + "]0;owned" + "\u0007" + ESC + "[31m-to-month\"";
            }
            String key = i % 5 == 0 ? "\"=HYPERLINK(\"\"http://x/" + i + "\"\")\"" : i % 7 == 0 ? "k" + ESC + "[2J" + i : "k" + i;
            out.add(key + "," + String.join(",", f));
        }
        Path data = dir.resolve("surprises.csv");
        Files.write(data, out);
        store = dir.resolve("ff.db");
        scan = Cli.run("scan", "--data", data.toString(), "--target", "churn", "--id", "key", "--store", store.toString(),
                "--out", dir.resolve("out").toString(), "--seed", "7");
    }

    @Test
    void infinitiesAreNumbersAndTheScanCompletes() throws IOException {
        assertThat(scan.exit()).as(scan.err()).isEqualTo(ExitCodes.OK);
        Cli list = Cli.run("log", "list", "--run", "latest", "--format", "jsonl", "--limit", "100000", "--store", store.toString());
        ObjectMapper json = new ObjectMapper();
        int withTenure = 0;
        for (String line : list.out().lines().toList()) {
            JsonNode tenure = json.readTree(line).get("input").get("tenure");
            assertThat(tenure.isTextual()).as(line).isFalse();
            withTenure += tenure.isNumber() ? 1 : 0;
        }
        assertThat(withTenure).isPositive();
    }

    @Test
    void formulaKeysAreQuotedInEveryCsvFile() throws IOException {
        Path export = dir.resolve("export.csv");
        Cli exported = Cli.run("log", "export", "--run", "latest", "--format", "csv", "--out", export.toString(),
                "--store", store.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        Cli listed = Cli.run("log", "list", "--run", "latest", "--format", "csv", "--limit", "100000", "--store", store.toString());
        List<String> files = List.of(Files.readString(dir.resolve("out/predictions.csv")), Files.readString(export), listed.out());
        for (String csv : files) {
            assertThat(csv).contains("'=HYPERLINK(").doesNotContainPattern("(?m)(^|,)\"?=HYPERLINK");
        }
        // Negative numbers such as log-odds or loss differences stay numbers.
        assertThat(Files.readString(dir.resolve("out/predictions.csv"))).doesNotContain(",'-").doesNotContain(",'0");
    }

    @Test
    void escapeSequencesNeverReachTheTerminal() {
        assertThat(scan.out()).isNotEmpty().doesNotContain(ESC);
        Cli table = Cli.run("log", "list", "--run", "latest", "--limit", "100000", "--store", store.toString());
        assertThat(table.out()).contains(Text.REPLACED + "[2J").doesNotContain(ESC);
        Cli stats = Cli.run("log", "stats", "--by", "contract", "--store", store.toString());
        assertThat(stats.out()).contains("Month" + Text.REPLACED).doesNotContain(ESC).doesNotContain("\u0007");
        String id = table.out().lines().filter(l -> l.contains("[2J")).findFirst().orElseThrow().split(" ")[0];
        Cli show = Cli.run("log", "show", id, "--store", store.toString());
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).contains(Text.REPLACED + "[2J").doesNotContain(ESC);
    }
}
