package dev.failforward.cli;

import dev.failforward.data.ColumnRole;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelDescription;
import dev.failforward.model.ModelSource;
import dev.failforward.model.ModelSources;
import dev.failforward.model.external.ModelConfigFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code failforward model inspect}: prints what FailForward read from a model trained elsewhere
 * (format, task, classes, inputs, outputs) and, for each input, the data column and encoding it will
 * be fed; with {@code --data} the feeding is checked against that file's columns.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print what FailForward read from a model (inputs, outputs, classes) and what it will feed it.", ""},
        footer = {"", "Examples:",
                "  failforward model inspect --model xgboost:model.json",
                "  failforward model inspect --model xgboost:credit.json --model-config credit.config.json --data credit.csv --target Status"})
public final class ModelInspectCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "SPEC", required = true, description = "The model, such as xgboost:PATH or onnx:PATH.")
    String model;

    @Option(names = "--model-config", paramLabel = "FILE",
            description = "JSON file: features, columns, classes, task, categories, output, activation, tokenizer, endpoint (see docs/models.md).")
    Path modelConfig;

    @Option(names = "--data", paramLabel = "FILE", description = "Data to check the feeding against (CSV, TSV or Parquet).")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", description = "The target column of --data, which is not fed to the model.")
    String target;

    @Option(names = "--ignore", paramLabel = "COL", split = ",", description = "Columns of --data not fed to the model, comma-separated.")
    List<String> ignore = List.of();

    @Override
    public Integer call() {
        ModelSource source = ModelSources.find(model).orElseThrow(() -> {
            ModelSources.check(model);
            return new UsageException("model inspect reads models trained elsewhere; " + model
                    + " is a built-in trainer. Known sources: " + ModelSources.known());
        });
        ModelConfig config = modelConfig == null ? ModelConfig.NONE : ModelConfigFile.read(modelConfig);
        ExternalModel loaded = source.load(model, config);
        Table table = null;
        if (data != null) {
            table = TableReaders.read(data, dev.failforward.data.ReadOptions.DEFAULT);
            if (target != null) {
                table = table.withRole(table.column(target).name(), ColumnRole.TARGET);
            }
            for (String name : ignore) {
                table = table.withRole(table.column(name).name(), ColumnRole.IGNORED);
            }
        } else if (target != null || !ignore.isEmpty()) {
            throw new UsageException("--target and --ignore need --data");
        }
        print(loaded.describe(table), table, System.out);
        return ExitCodes.OK;
    }

    static void print(ModelDescription d, Table data, PrintStream out) {
        out.println("Model " + d.id());
        out.println("  location:        " + d.location());
        out.println("  format:          " + d.format());
        out.println("  task:            " + (d.task() == null ? "unknown (from the data or --task)" : d.task().id()));
        out.println("  classes:         " + (d.classes().isEmpty()
                ? (d.task() != null && !d.task().isClassification() ? "none" : "the target's values in sorted order")
                : String.join(", ", d.classes())));
        d.details().forEach((k, v) -> out.printf("  %-16s %s%n", k + ":", v));
        out.println("Inputs (" + d.inputs().size() + ")" + (data == null ? ":" : ", fed from " + data.source() + ":"));
        int nameWidth = Math.min(40, d.inputs().stream().mapToInt(i -> i.name().length()).max().orElse(4));
        int typeWidth = d.inputs().stream().mapToInt(i -> i.type().length()).max().orElse(4);
        for (int i = 0; i < d.inputs().size(); i++) {
            ModelDescription.Input in = d.inputs().get(i);
            out.printf("  %3d  %-" + nameWidth + "s  %-" + typeWidth + "s  <- %s%n", i, Text.clip(in.name(), 40), in.type(), in.feed());
        }
        out.println("Outputs:");
        for (String o : d.outputs()) {
            out.println("  " + o);
        }
    }
}
