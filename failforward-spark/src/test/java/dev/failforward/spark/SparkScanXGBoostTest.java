package dev.failforward.spark;

import dev.failforward.FailForward;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.log.FailureLog;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelSources;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import dev.failforward.session.ScanModel;
import dev.failforward.session.ScanRequest;
import dev.failforward.session.ScanResult;
import dev.failforward.session.Scanner;
import dev.failforward.store.JdbcFailureLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A three-class XGBoost model (an {@code xgboost:} spec, loaded on the executors) over iris, against the local scan. */
@Tag("slow")
class SparkScanXGBoostTest {

    @TempDir
    Path dir;

    @Test
    void multiClassXGBoostScanEqualsTheLocalScan() {
        Path iris = SharedSpark.datasets().resolve("tabular/iris.csv");
        String spec = "xgboost:" + SharedSpark.datasets().getParent().resolve("failforward-models/src/test/resources/xgboost/iris_multi.json");
        ExternalModel loaded = ModelSources.find(spec).orElseThrow().load(spec, ModelConfig.NONE);
        Table table = TableReaders.read(iris, ReadOptions.DEFAULT);
        ScanData data = ScanData.forModel(table, ScanSpec.of("species"), loaded.task(), loaded.classes(), loaded.classCount());
        ScanResult local;
        try (FailureLog log = JdbcFailureLog.open(dir.resolve("local.db").toString())) {
            local = new Scanner(log, Progress.NONE).scan(ScanRequest.of(data,
                    new ScanModel.Given(loaded.bind(data.target(), data.test()), loaded.location())).dataNamed("iris.csv", "local")
                    .detectors(FailForward.detectors("weak-slice", List.of())));
        }
        ScanResult spark;
        try (FailureLog log = JdbcFailureLog.open(dir.resolve("spark.db").toString())) {
            spark = new SparkScanner(log).scan(SparkScan.read(SharedSpark.get(), iris.toString()),
                    SparkScanRequest.of(spec, "species").dataNamed("iris.csv").batchRows(40)).scan();
        }
        assertThat(spark.evaluation().confusion()).hasDimensions(3, 3);
        assertThat(spark.evaluation().metrics()).containsKey("f1_macro");
        SameAsLocalScan.assertSame(spark, local);
    }
}
