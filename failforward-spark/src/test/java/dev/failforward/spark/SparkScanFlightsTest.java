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
import dev.failforward.model.Task;
import dev.failforward.model.builtin.ModelFiles;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import dev.failforward.session.ScanModel;
import dev.failforward.session.ScanRequest;
import dev.failforward.session.ScanResult;
import dev.failforward.session.Scanner;
import dev.failforward.store.JdbcFailureLog;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark scan of a regression model over a slice of the flights Parquet file (30,000 rows in
 * several row groups, so Spark reads it in several partitions), against the local scan of the same file.
 */
@Tag("slow")
class SparkScanFlightsTest {

    @TempDir
    static Path dir;

    static Path file;
    static ScanResult local;
    static ScanResult spark;
    static Table table;
    static int partitions;

    @BeforeAll
    static void scanBothWays() throws IOException {
        SparkSession session = SharedSpark.get();
        Path slice = dir.resolve("flights-30k.parquet");
        // Small row groups: Spark splits the file at row groups, in file order.
        session.read().parquet(SharedSpark.datasets().resolve("scale/flights-3m.parquet").toString())
                .select("delay", "distance", "origin", "destination").limit(30_000).coalesce(1)
                .write().option("parquet.block.size", 64 * 1024).parquet(slice.toString());
        try (Stream<Path> files = Files.list(slice)) {
            file = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        String modelFile;
        try (FailForward ff = FailForward.open(dir.resolve("train.db").toString())) {
            modelFile = ff.scan(file).target("delay").model("builtin:gbm").detectors("none").run().run().modelPath();
        }
        Model model = ModelFiles.load(Path.of(modelFile));
        table = TableReaders.read(file, ReadOptions.DEFAULT);
        ScanData data = ScanData.forModel(table, ScanSpec.of("delay"), model.target().task(), List.of(), 0);
        try (FailureLog log = JdbcFailureLog.open(dir.resolve("local.db").toString())) {
            local = new Scanner(log, Progress.NONE).scan(ScanRequest.of(data, new ScanModel.Given(model, modelFile))
                    .dataNamed("flights", "local").detectors(FailForward.detectors("weak-slice", List.of())));
        }
        String before = session.conf().get("spark.sql.files.maxPartitionBytes");
        session.conf().set("spark.sql.files.maxPartitionBytes", "200k");
        try (FailureLog log = JdbcFailureLog.open(dir.resolve("spark.db").toString())) {
            Dataset<Row> rows = SparkScan.read(session, file.toString());
            partitions = rows.javaRDD().getNumPartitions();
            spark = new SparkScanner(log).scan(rows, SparkScanRequest.of(modelFile, "delay").dataNamed("flights")
                    .batchRows(4000)).scan();
        } finally {
            session.conf().set("spark.sql.files.maxPartitionBytes", before);
        }
    }

    @Test
    void countsAndRegressionMetricsEqualTheLocalScan() {
        assertThat(partitions).isGreaterThan(1);
        assertThat(spark.run().task()).isEqualTo(Task.REGRESSION);
        assertThat(spark.predictions()).hasSize(30_000);
        // A regression failure is an error above the 0.9 quantile of all errors: a tenth of the rows.
        assertThat(spark.failures()).hasSize(local.failures().size()).hasSizeBetween(2_900, 3_000);
        SameAsLocalScan.assertSame(spark, local);
    }

    @Test
    void topWeakSlicesEqualCoreSliceSearch() {
        ScanData data = ScanData.forModel(table, ScanSpec.of("delay"), Task.REGRESSION, List.of(), 0);
        SliceSearch.Settings settings = WeakSlices.settings(DetectorConfig.defaults(), data.test().rowCount());
        SliceSearch.Result expected = SameAsLocalScan.localSlices(local, data.test(), settings, 10);
        assertThat(expected.top()).isNotEmpty();
        SameAsLocalScan.assertSameSlices(spark, expected, FeatureCodes.of(data.test(), 10));
    }
}
