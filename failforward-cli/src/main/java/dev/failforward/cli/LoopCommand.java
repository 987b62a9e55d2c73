package dev.failforward.cli;

import dev.failforward.FailForward;
import dev.failforward.Loop;
import dev.failforward.compare.PolicyFile;
import dev.failforward.compare.loop.LoopPoint;
import dev.failforward.compare.loop.LoopResult;
import dev.failforward.compare.loop.LoopRound;
import dev.failforward.model.ModelProviders;
import dev.failforward.retrain.RetrainStrategies;
import dev.failforward.scan.ScanSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code failforward loop}: scan, detect, probe, retrain and compare for several rounds, each from the model kept so far. */
@Command(name = "loop", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Scan → detect → probe → retrain → compare, round after round, keeping only candidates that pass the gate.",
        description = {"Train a built-in model, then for each round: scan the model kept so far (detectors and probes",
                "on the selection rows), retrain it with failure samples, and keep the recommended candidate only",
                "when it passes the gate, significantly improves what it targeted (Holm-corrected) and improves",
                "the primary metric by at least 0.01 (an error metric by 1 %%). The test",
                "rows are split once (seeded, stratified) into selection rows and verification rows; only the",
                "verification rows judge, and the trajectory (primary metric, failure rate, targeted-slice",
                "failure rate, probe flip rate) is measured on them. A round that keeps nothing ends the loop.",
                "Writes loop.json and loop.html to --out; every round's scan and retrain, and the loop itself,",
                "are runs in the failure log (options loop and round link them).", ""},
        footer = {"", "Examples:",
                "  failforward loop --data churn.csv --target churn",
                "  failforward loop --data churn.csv --target churn --rounds 5 --strategy clean,reweight --out loop",
                "  failforward loop --data churn.csv --target churn --redact customer_id --store jdbc:postgresql://db/ff",
                "", "Strategies: reweight, augment, adversarial, clean, production, combined (or all).",
                "Exit codes: 0 the rounds ran (whether or not a candidate was kept), 2 bad input, 3 a strategy failed",
                "(reported), 4 internal error, 5 the environment refused (store, folder)."})
public final class LoopCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "FILE", required = true, description = "The table (CSV, TSV or Parquet).")
    Path data;

    @Option(names = "--target", paramLabel = "COL", required = true, description = "The column to predict.")
    String target;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "" + Loop.DEFAULT_ROUNDS,
            description = "Rounds at most (default: ${DEFAULT-VALUE}); a round that keeps nothing ends the loop.")
    int rounds;

    @Option(names = "--strategy", paramLabel = "LIST|all", defaultValue = Loop.DEFAULT_STRATEGIES,
            description = "Comma-separated strategies tried each round, or all (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--model", paramLabel = "ID", defaultValue = "builtin:gbm",
            description = "A built-in model: builtin:gbm, builtin:logistic, builtin:tree, builtin:text-minilm-logistic "
                    + "(default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--id", paramLabel = "COL", description = "Column whose values are the row keys.")
    String id;

    @Option(names = "--ignore", paramLabel = "COL", split = ",", description = "Columns the model must not see.")
    List<String> ignore = List.of();

    @Option(names = "--redact", paramLabel = "COL", split = ",",
            description = "Store (and train on) a keyed hash (HMAC-SHA256) instead of the values of these columns.")
    List<String> redact = List.of();

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "" + ScanSpec.DEFAULT_TEST_FRACTION,
            description = "Share of rows held out, then split into selection and verification rows (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + ScanSpec.DEFAULT_SEED,
            description = "Seed of the split, the models and every strategy (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--detectors", paramLabel = "LIST", defaultValue = "default",
            description = "Detectors of each round's scan: default, all, none or ids (default: ${DEFAULT-VALUE}).")
    String detectors;

    @Mixin
    GateOptions gate;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "failforward-out",
            description = "Folder for loop.json and loop.html (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--store", paramLabel = "PATH|URL", defaultValue = Stores.DEFAULT,
            description = "Failure log: a SQLite file or a jdbc:postgresql:// URL (default: ${DEFAULT-VALUE}).")
    String store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (rounds < 1) {
            throw new UsageException("--rounds must be at least 1, got " + rounds);
        }
        int resamples = gate.resamples();
        if (!model.startsWith("builtin:")) {
            throw new UsageException("--model " + model + ": the loop trains its candidates, so it takes a built-in model ("
                    + String.join(", ", ModelProviders.all().stream().map(m -> m.id()).filter(i -> i.startsWith("builtin:")).toList()) + ")");
        }
        ModelProviders.find(model);
        RetrainStrategies.resolve(strategy);
        if (!Files.isRegularFile(data)) {
            throw new UsageException("--data " + data + ": no such file");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file; expected a folder");
        }
        var policy = gate.policy == null ? null : PolicyFile.read(gate.policy);
        LoopResult result;
        try (FailForward ff = FailForward.open(store).progress(new TerminalProgress(System.err))) {
            Loop loop = ff.loop(data).target(target).model(model).rounds(rounds).strategies(strategy).detectors(detectors)
                    .testFraction(testFraction).seed(seed).resamples(resamples).options(GivenOptions.of(spec)).report(out);
            if (id != null) {
                loop.id(id);
            }
            loop.ignore(ignore.toArray(String[]::new)).redact(redact.toArray(String[]::new));
            if (policy != null) {
                loop.policy(policy);
            }
            result = loop.run();
            summary(result, ff.log().location());
        }
        return result.anyError() ? ExitCodes.PART_FAILED : ExitCodes.OK;
    }

    private void summary(LoopResult r, String location) {
        System.out.printf("Loop %s of %s on %s: %d of %d rounds, %d training / %d selection / %d verification rows%n",
                r.loopRun(), r.modelId(), r.dataName(), r.rounds().size(), r.roundsAsked(), r.trainingRows(), r.selectionRows(),
                r.verificationRows());
        for (LoopRound round : r.rounds()) {
            System.out.printf("  round %d: scan %s, retrain %s → %s%n", round.round(), round.scanRun(), round.retrainRun(),
                    round.keptCandidate() ? "kept " + round.kept() : "kept the current model");
        }
        System.out.printf("  %-6s %-10s %-13s %-22s %s%n", "round", r.primaryMetric(), "failure rate", "targeted-slice failures",
                "probe flip rate");
        for (LoopPoint p : r.trajectory()) {
            System.out.printf(Locale.ROOT, "  %-6s %-10s %-13s %-22s %s%n", p.round() == 0 ? "start" : p.round(), f(p.primary()),
                    pct(p.failureRate()), pct(p.sliceFailureRate()), pct(p.flipRate()));
        }
        if (r.stopped() != null) {
            System.out.println("  stopped: " + r.stopped());
        }
        System.out.println("  report:      " + out.resolve(Loop.HTML));
        System.out.println("  json:        " + out.resolve(Loop.JSON));
        System.out.println("  failure log: " + location + "  (failforward log runs)");
    }

    private static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "—";
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "—";
    }
}
