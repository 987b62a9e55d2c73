package dev.failforward.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input: one clear line, exit code 2, no stack trace, and nothing written. */
class BadInputTest {

    @TempDir
    Path dir;

    private Cli scan(String... extra) {
        String[] base = {"scan", "--out", dir.resolve("out").toString(), "--store", dir.resolve("ff.db").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        Cli cli = Cli.run(args);
        assertThat(cli.exit()).as(cli.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err().lines().filter(l -> !l.isBlank()).count()).as(cli.err()).isLessThanOrEqualTo(2);
        assertThat(cli.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(Files.exists(dir.resolve("ff.db"))).as("store written").isFalse();
        assertThat(Files.exists(dir.resolve("out/report.json"))).as("report written").isFalse();
        return cli;
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void raggedRow() throws IOException {
        Path bad = file("bad.csv", "a,b,y\n1,2,0\n3,4,1\n5,6\n7,8,1\n");
        assertThat(scan("--data", bad.toString(), "--target", "y").err()).contains("bad.csv:4").contains("line 4");
    }

    @Test
    void missingAndEmptyFiles() throws IOException {
        assertThat(scan("--data", dir.resolve("nope.csv").toString(), "--target", "y").err()).contains("nope.csv: file not found");
        assertThat(scan("--data", file("empty.csv", "").toString(), "--target", "y").err()).contains("empty");
    }

    @Test
    void unknownTargetListsColumns() {
        assertThat(scan("--data", Datasets.tabular("iris.csv").toString(), "--target", "kind").err())
                .contains("no column 'kind'").contains("species");
    }

    @Test
    void singleClassTarget() throws IOException {
        Path one = file("one.csv", "x,y\n1,a\n2,a\n3,a\n");
        assertThat(scan("--data", one.toString(), "--target", "y").err()).contains("only one class");
    }

    @Test
    void forcedNumericWithText() {
        assertThat(scan("--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--type", "contract=numeric").err())
                .contains("telco_churn.csv:2").contains("column 'contract'").contains("expected a number");
    }

    @Test
    void fileThatIsNotParquet() throws IOException {
        Path fake = file("fake.parquet", "a,b\n1,2\n");
        assertThat(scan("--data", fake.toString(), "--target", "b").err()).contains("fake.parquet").contains("not a Parquet file");
    }

    @Test
    void unknownModelListsKnownOnes() {
        assertThat(scan("--data", Datasets.tabular("iris.csv").toString(), "--target", "species", "--model", "builtin:nope").err())
                .contains("builtin:gbm").contains("builtin:logistic");
    }

    @Test
    void unknownOptionIsUsageError() {
        assertThat(scan("--data", Datasets.tabular("iris.csv").toString(), "--target", "species", "--colour", "red").err())
                .contains("--colour");
    }

    @Test
    void aSplitWithTooFewRowsOnOneSide() {
        assertThat(scan("--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn", "--test-fraction", "0.999")
                .err()).contains("--test-fraction 0.999 leaves 7 training and 7036 test rows").contains("at least 20");
        assertThat(scan("--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn", "--test-fraction", "0.001")
                .err()).contains("7 test rows");
    }

    @Test
    void aClassWithoutTrainingRows() throws IOException {
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Datasets.tabular("iris.csv")));
        String last = lines.get(lines.size() - 1);
        lines.add(last.substring(0, last.lastIndexOf(',') + 1) + "rare");
        Path iris = dir.resolve("iris-rare.csv");
        Files.write(iris, lines);
        // Stratified: the one 'rare' row goes to the test part whatever the seed.
        assertThat(scan("--data", iris.toString(), "--target", "species", "--test-fraction", "0.5").err())
                .contains("class 'rare' of 'species' has no training row").contains("1 rows in all");
    }

    @Test
    void aRepeatedIdNamesTheKeyAndItsLines() {
        assertThat(scan("--data", Datasets.tabular("titanic.csv").toString(), "--target", "survived", "--id", "sex").err())
                .contains("--id column 'sex' is not unique: 'female' is on line 2 and line 4");
    }

    @Test
    void moreInputColumnsThanTheLogKeepsIsRefusedBeforeTraining() throws IOException {
        StringBuilder csv = new StringBuilder("y");
        for (int c = 0; c < 800; c++) {
            csv.append(",c").append(c);
        }
        java.util.Random random = new java.util.Random(3);
        for (int r = 0; r < 60; r++) {
            csv.append('\n').append(r % 2);
            for (int c = 0; c < 800; c++) {
                csv.append(',').append(random.nextInt(10));
            }
        }
        Cli cli = scan("--data", file("wide.csv", csv.append('\n').toString()).toString(), "--target", "y");
        assertThat(cli.err()).contains("has 800 columns besides the target 'y'").contains("at most 790")
                .doesNotContain("Training");
    }
}
