package dev.failforward.cli;

import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code failforward scan}: train and evaluate a model on the user's data and log its failures. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model on your data, evaluate it on held-out rows, log every failure, and write a report.", ""},
        footer = {"", "Examples:",
                "  failforward scan --data churn.csv --target churn",
                "  failforward scan --data train.parquet --test test.parquet --target label --model builtin:logistic",
                "  failforward scan --data houses.csv --target price --task regression --ignore id --out reports/houses",
                "  failforward scan --data credit.csv --target Status --model xgboost:credit.json --model-config credit.config.json",
                "  failforward scan --data cancer.csv --target diagnosis --model http://127.0.0.1:8080/v2/models/cancer/infer",
                "", "Writes report.html, report.json and predictions.csv to --out and records the run in --store."})
public final class ScanCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    RunOptions run;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit with code 1 when a finding of this severity or worse is reported: info, warning or critical.")
    Severity failOn;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Table table = TableReaders.read(data.data, data.readOptions());
        Table test = data.test == null ? null : TableReaders.read(data.test, data.readOptions());
        String name = data.data.getFileName().toString();
        return new ScanJob(System.out, System.err).run("scan", table, test, data.spec(run.seed), run, name,
                GivenOptions.of(spec));
    }

    /** Severities of findings, in increasing order. */
    enum Severity { info, warning, critical }
}
