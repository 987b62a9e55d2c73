package dev.failforward.cli;

import dev.failforward.retrain.RetrainStrategies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code failforward retrain}: candidate models from a run's failures, judged on rows that chose nothing. */
@Command(name = "retrain", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Retrain a run's model with its failure samples and prove (or refute) the fix.",
        description = {"Build one candidate model per strategy from a scan run's failures, judge each against",
                "the current model on verification rows that played no part in choosing the fix, and",
                "recommend a candidate only when it passes the gate, significantly improves what it",
                "targeted (Holm-corrected across candidates) and improves the primary metric by at least",
                "0.01 (an error metric such as RMSE by 1 %%); otherwise say: keep the current model.",
                "The run's test rows are split (seeded, stratified) into selection rows, on which",
                "detectors and probes choose what to fix, and verification rows (or give --holdout).",
                "Writes retrain.json and retrain.html to --out, saves each candidate model beside the",
                "failure log, and records the retrain as a run of kind 'retrain'.", ""},
        footer = {"", "Examples:",
                "  failforward scan --data churn.csv --target churn",
                "  failforward retrain --from-run latest --data churn.csv",
                "  failforward retrain --from-run 01JD3X5W2Q8R6T0Y7V9B4N1M3K --data churn.csv --strategy clean,reweight --relabel",
                "  failforward retrain --from-run latest --data churn.csv --holdout fresh.csv --policy gate.yaml --out rt",
                "  failforward retrain --from-run latest --data churn.csv --export-training sets",
                "  failforward scan --data credit.csv --target Status --model xgboost:model.json --model-config map.json",
                "  failforward retrain --from-run latest --data credit.csv --model builtin:gbm",
                "", "Strategies: reweight, augment, adversarial, clean, production, combined (or all).",
                "Exit codes: 0 a verdict was reached (a candidate, or keep the current model), 2 bad input",
                "(such as --data that is not the run's data), 3 a strategy failed (reported), 4 internal error."})
public final class RetrainCommand implements Callable<Integer> {

    @Option(names = "--from-run", paramLabel = "RUN_ID|latest", required = true,
            description = "The scan (or demo) run whose model and failures to retrain from.")
    String fromRun;

    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "The run's data file (its fingerprint must match the run's); the run's split is re-created from its options.")
    Path data;

    @Option(names = "--strategy", paramLabel = "LIST|all", defaultValue = RetrainStrategies.ALL,
            description = "Comma-separated strategies: reweight, augment, adversarial, clean, production, combined; or all "
                    + "(default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--holdout", paramLabel = "FILE",
            description = "Verification rows from this file instead of half of the run's test rows (then every test row selects).")
    Path holdout;

    @Mixin
    GateOptions gate;

    @Option(names = "--model", paramLabel = "builtin:ID",
            description = "For a run of a model trained elsewhere (xgboost:, onnx:, http:): the built-in family of the "
                    + "candidates (builtin:gbm, builtin:logistic, builtin:tree), trained on the run's data split as a scan splits it.")
    String model;

    @Option(names = "--relabel", description = "clean: give suspected label errors their out-of-fold label instead of dropping them.")
    boolean relabel;

    @Option(names = "--export-training", paramLabel = "DIR",
            description = "Also write each strategy's training set as DIR/STRATEGY.csv (redacted columns left out).")
    Path export;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "failforward-out",
            description = "Folder for retrain.json and retrain.html (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--store", paramLabel = "PATH|URL", defaultValue = Stores.DEFAULT,
            description = "Failure log: a SQLite file or a jdbc:postgresql:// URL (default: ${DEFAULT-VALUE}).")
    String store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int resamples = gate.resamples();
        if (!store.startsWith("jdbc:") && !java.nio.file.Files.exists(Path.of(store))) {
            throw new UsageException("no failure log at " + store + "; run 'failforward scan' first, or pass --store");
        }
        RetrainJob.Done done = new RetrainJob(System.out, System.err).run(new RetrainJob.Settings(fromRun, data, strategy, holdout,
                gate.policy, relabel, out, export, resamples, store, GivenOptions.of(spec), model));
        return done.result().anyError() ? ExitCodes.PART_FAILED : ExitCodes.OK;
    }
}
