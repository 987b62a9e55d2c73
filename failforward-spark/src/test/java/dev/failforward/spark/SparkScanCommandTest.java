package dev.failforward.spark;

import dev.failforward.FailForward;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The spark-submit entry point, run in the tests' local[2] session. */
@Tag("slow")
class SparkScanCommandTest {

    @TempDir
    Path dir;

    @Test
    void scansACsvFileStoresTheRunAndWritesReports() throws Exception {
        Path data = SharedSpark.datasets().resolve("tabular/credit_data.csv");
        String model;
        try (FailForward ff = FailForward.open(dir.resolve("train.db").toString())) {
            model = ff.scan(data).target("Status").model("builtin:logistic").detectors("none").run().run().modelPath();
        }
        Output o = new Output();
        int code = SparkScan.run(new String[]{"--data", data.toString(), "--target", "Status", "--model", model,
                "--store", dir.resolve("spark.db").toString(), "--out", dir.resolve("report").toString(), "--timings"},
                SharedSpark.get(), o.out, o.err);
        assertThat(code).as(o.err()).isZero();
        assertThat(o.out()).contains("4454 rows").contains("timing score").contains("timing weak-slice");
        String json = Files.readString(dir.resolve("report/report.json"));
        assertThat(json).contains("\"Status\"").contains("\"weak-slice\"");
        try (FailForward ff = FailForward.open(dir.resolve("spark.db").toString())) {
            assertThat(ff.log().runs()).hasSize(1);
        }
    }

    @Test
    void aMissingColumnIsOneClearLineAndExitCodeTwo() {
        Path data = SharedSpark.datasets().resolve("tabular/iris.csv");
        Output o = new Output();
        int code = SparkScan.run(new String[]{"--data", data.toString(), "--target", "no_such", "--model", "xgboost:none.json",
                "--store", dir.resolve("spark.db").toString()}, SharedSpark.get(), o.out, o.err);
        assertThat(code).isEqualTo(2);
        assertThat(o.err().strip()).startsWith("error: iris.csv: no column 'no_such'; columns are ").doesNotContain("\n");
    }

    @Test
    void anUnknownOptionNamesTheValidOnes() {
        Output o = new Output();
        int code = SparkScan.run(new String[]{"--data", "x.csv", "--frobnicate"}, SharedSpark.get(), o.out, o.err);
        assertThat(code).isEqualTo(2);
        assertThat(o.err()).contains("unknown option --frobnicate; options are --data");
    }

    private static final class Output {
        final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

        String out() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return errBytes.toString(StandardCharsets.UTF_8);
        }
    }
}
