package dev.failforward.spark;

import dev.failforward.FailForward;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.detect.DetectorConfig;
import dev.failforward.detect.FeatureCodes;
import dev.failforward.detect.SliceSearch;
import dev.failforward.log.FailureLog;
import dev.failforward.model.Model;
import dev.failforward.model.builtin.ModelFiles;
import dev.failforward.progress.Progress;
import dev.failforward.report.ReportWriter;
import dev.failforward.run.RunStatus;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import dev.failforward.session.ScanModel;
import dev.failforward.session.ScanRequest;
import dev.failforward.session.ScanResult;
import dev.failforward.session.Scanner;
import dev.failforward.store.JdbcFailureLog;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark scan of a built-in model saved by a FailForward scan, over the Telco churn rows in
 * {@code local[2]}, against the local scan (core's {@link Scanner} with the same model and rows).
 */
@Tag("slow")
class SparkScanTelcoTest {

    @TempDir
    static Path dir;

    static Path telco;
    static String modelFile;
    static Table table;
    static ScanResult local;
    static ScanResult spark;
    static Model model;

    @BeforeAll
    static void scanBothWays() {
        telco = SharedSpark.datasets().resolve("tabular/telco_churn.csv");
        try (FailForward ff = FailForward.open(dir.resolve("train.db").toString())) {
            modelFile = ff.scan(telco).target("churn").model("builtin:gbm").detectors("none").run().run().modelPath();
        }
        model = ModelFiles.load(Path.of(modelFile));
        table = TableReaders.read(telco, ReadOptions.DEFAULT);
        ScanData data = ScanData.forModel(table, ScanSpec.of("churn"), model.target().task(), model.target().classes(),
                model.target().classCount());
        try (FailureLog log = JdbcFailureLog.open(dir.resolve("local.db").toString())) {
            local = new Scanner(log, Progress.NONE).scan(ScanRequest.of(data, new ScanModel.Given(model, modelFile))
                    .dataNamed("telco_churn.csv", "local").detectors(FailForward.detectors("weak-slice", List.of())));
        }
        Dataset<Row> rows = SparkScan.read(SharedSpark.get(), telco.toString());
        try (FailureLog log = JdbcFailureLog.open(dir.resolve("spark.db").toString())) {
            spark = new SparkScanner(log).scan(rows, SparkScanRequest.of(modelFile, "churn").dataNamed("telco_churn.csv")
                    .batchRows(1000)).scan();
        }
    }

    @Test
    void countsMetricsAndCalibrationEqualTheLocalScan() {
        assertThat(spark.predictions()).hasSize(7043);
        assertThat(local.failures()).isNotEmpty();
        SameAsLocalScan.assertSame(spark, local);
    }

    @Test
    void topWeakSlicesEqualCoreSliceSearch() {
        ScanData data = ScanData.forModel(table, ScanSpec.of("churn"), model.target().task(), model.target().classes(),
                model.target().classCount());
        int n = data.test().rowCount();
        SliceSearch.Settings settings = WeakSlices.settings(DetectorConfig.defaults(), n);
        assertThat(settings.maxLevel()).isEqualTo(3);
        SliceSearch.Result expected = SameAsLocalScan.localSlices(local, data.test(), settings, 10);
        assertThat(expected.top()).isNotEmpty();
        assertThat(expected.top()).anyMatch(s -> s.level() == 3);
        SameAsLocalScan.assertSameSlices(spark, expected, FeatureCodes.of(data.test(), 10));
        // Finding rows are the slices' rows: the finding's size is its number of row keys.
        assertThat(spark.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.rowKeys()).hasSize(f.rows()));
    }

    @Test
    void theRunAndItsFailuresGoToPostgres() throws Exception {
        String base = System.getenv("FAILFORWARD_TEST_POSTGRES");
        assertThat(base).as("FAILFORWARD_TEST_POSTGRES must name the PostgreSQL test database, e.g. "
                + "jdbc:postgresql://localhost:5432/failforward_test?user=failforward&password=failforward").isNotBlank();
        String schema = "ff_spark_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(base, "CREATE SCHEMA " + schema);
        try (FailureLog log = JdbcFailureLog.open(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema)) {
            ScanResult stored = new SparkScanner(log).scan(SparkScan.read(SharedSpark.get(), telco.toString()),
                    SparkScanRequest.of(modelFile, "churn").dataNamed("telco_churn.csv").weakSlices(false)).scan();
            assertThat(log.run(stored.run().id()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(log.failures(dev.failforward.failure.FailureFilter.ofRun(stored.run().id()))).hasSize(local.failures().size());
        } finally {
            execute(base, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String url, String sql) throws java.sql.SQLException {
        try (var c = java.sql.DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void theRunIsCompleteInTheLogAndReportsAreWritten() throws Exception {
        try (FailureLog log = JdbcFailureLog.open(dir.resolve("spark.db").toString())) {
            var stored = log.run(spark.run().id()).orElseThrow();
            assertThat(stored.status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(stored.failureCount()).isEqualTo(local.failures().size());
            assertThat(stored.modelId()).isEqualTo(model.id());
        }
        Path out = dir.resolve("report");
        ReportWriter.writeAll(spark, out);
        String json = Files.readString(out.resolve("report.json"));
        assertThat(json).contains("\"weak-slice\"").contains("\"accuracy\"");
        assertThat(out.resolve("report.html")).exists();
    }
}
