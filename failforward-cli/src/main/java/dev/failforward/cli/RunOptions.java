package dev.failforward.cli;

import dev.failforward.scan.ScanSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options of every verb that makes a run: model, seed, output folder and store. */
public final class RunOptions {

    @Option(names = "--model", paramLabel = "ID", defaultValue = "builtin:gbm",
            description = "Model to train: builtin:logistic, builtin:tree, builtin:gbm or builtin:text-minilm-logistic (one text column) (default: ${DEFAULT-VALUE}); "
                    + "or a model trained elsewhere, scored on every row without training: xgboost:PATH, onnx:PATH or an http(s):// endpoint URL.")
    String model;

    @Option(names = "--model-config", paramLabel = "FILE",
            description = "JSON file for a model trained elsewhere: features, columns, classes, task, categories, output, activation.")
    Path modelConfig;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + ScanSpec.DEFAULT_SEED,
            description = "Seed for the split and the model (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "failforward-out",
            description = "Folder for report.html, report.json and predictions.csv (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--store", paramLabel = "PATH|URL", defaultValue = Stores.DEFAULT,
            description = "Failure log: a SQLite file or a jdbc:postgresql:// URL (default: ${DEFAULT-VALUE}).")
    String store;
}
