package dev.failforward.spark;

import dev.failforward.api.PublicApi;
import dev.failforward.detect.DetectorConfig;
import dev.failforward.scan.ScanSpec;

import java.util.List;
import java.util.Map;

/**
 * One Spark scan to run: the model ({@code xgboost:PATH}, {@code onnx:PATH} or a FailForward saved
 * model file), the target column, the id column ({@code null}: row index), ignored columns, how the data
 * is named in the log, the detector thresholds, whether to search weak slices, rows per scored batch,
 * and the options recorded with the run. Built with named steps from {@link #of}.
 */
@PublicApi
public record SparkScanRequest(String model, String target, String idColumn, List<String> ignore, String dataName,
                               DetectorConfig thresholds, boolean weakSlices, int batchRows, long seed,
                               Map<String, String> options) {

    public static final int DEFAULT_BATCH_ROWS = 50_000;

    public SparkScanRequest {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a Spark scan needs a model: xgboost:PATH, onnx:PATH or a saved .model file");
        }
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("a Spark scan needs a target column");
        }
        if (batchRows < 1) {
            throw new IllegalArgumentException("rows per batch must be at least 1, got " + batchRows);
        }
        ignore = List.copyOf(ignore);
        options = Map.copyOf(options);
    }

    /** A scan of {@code model} against {@code target}, with the weak-slice search and default thresholds. */
    public static SparkScanRequest of(String model, String target) {
        return new SparkScanRequest(model, target, null, List.of(), "spark-dataset", DetectorConfig.defaults(), true,
                DEFAULT_BATCH_ROWS, ScanSpec.DEFAULT_SEED, Map.of());
    }

    public SparkScanRequest id(String column) {
        return new SparkScanRequest(model, target, column, ignore, dataName, thresholds, weakSlices, batchRows, seed, options);
    }

    public SparkScanRequest ignore(List<String> columns) {
        return new SparkScanRequest(model, target, idColumn, columns, dataName, thresholds, weakSlices, batchRows, seed, options);
    }

    public SparkScanRequest dataNamed(String name) {
        return new SparkScanRequest(model, target, idColumn, ignore, name, thresholds, weakSlices, batchRows, seed, options);
    }

    public SparkScanRequest thresholds(DetectorConfig config) {
        return new SparkScanRequest(model, target, idColumn, ignore, dataName, config, weakSlices, batchRows, seed, options);
    }

    /** Whether to search weak slices (the only detector a Spark scan runs). */
    public SparkScanRequest weakSlices(boolean on) {
        return new SparkScanRequest(model, target, idColumn, ignore, dataName, thresholds, on, batchRows, seed, options);
    }

    public SparkScanRequest batchRows(int rows) {
        return new SparkScanRequest(model, target, idColumn, ignore, dataName, thresholds, weakSlices, rows, seed, options);
    }

    public SparkScanRequest options(Map<String, String> given) {
        return new SparkScanRequest(model, target, idColumn, ignore, dataName, thresholds, weakSlices, batchRows, seed, given);
    }
}
