package dev.failforward.cli;

import dev.failforward.data.ColumnType;
import dev.failforward.data.ReadOptions;
import dev.failforward.model.Task;
import dev.failforward.scan.ScanSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Options that say what data to scan and how to read it. */
public final class DataOptions {

    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "Training data (CSV, TSV or Parquet). Without --test, a stratified part is held out for testing.")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", required = true, description = "The column to predict.")
    String target;

    @Option(names = "--test", paramLabel = "FILE", description = "A separate test file; all of --data is then used for training.")
    Path test;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "" + ScanSpec.DEFAULT_TEST_FRACTION,
            description = "Share of --data held out for testing when there is no --test (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--task", paramLabel = "TASK",
            description = "binary_classification, multiclass_classification or regression (default: inferred from the target).")
    String task;

    @Option(names = "--id", paramLabel = "COLUMN", description = "Column whose values are the row keys (default: the row index in the file, from 0).")
    String id;

    @Option(names = "--ignore", paramLabel = "COL", split = ",", description = "Columns the model must not use, comma-separated.")
    List<String> ignore = List.of();

    @Option(names = "--positive-class", paramLabel = "VALUE", description = "The positive class of a binary target (default: the second in sorted order).")
    String positiveClass;

    @Option(names = "--type", paramLabel = "COL=TYPE",
            description = "Override an inferred column type: numeric, categorical, boolean or text. Repeatable.")
    Map<String, String> types = new LinkedHashMap<>();

    ReadOptions readOptions() {
        Map<String, ColumnType> parsed = new LinkedHashMap<>();
        types.forEach((column, type) -> parsed.put(column, ColumnType.parse(type)));
        return new ReadOptions(parsed);
    }

    ScanSpec spec(long seed) {
        return new ScanSpec(target, task == null ? null : Task.parse(task), positiveClass, id, ignore, testFraction, seed);
    }
}
