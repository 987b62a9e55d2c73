package dev.failforward.cli;

import dev.failforward.FailForward;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.detect.DetectorPlan;
import dev.failforward.detect.DriftDetector;
import dev.failforward.detect.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
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
                "  failforward scan --data churn.csv --target churn --redact email,phone",
                "  failforward scan --data churn.csv --target churn --resume 01JD3X5W2Q8R6T0Y7V9B4N1M3K",
                "  failforward scan --data churn.csv --target churn --detectors all --fail-on critical",
                "  failforward scan --data churn.csv --target churn --probes default",
                "  failforward scan --data churn.csv --target churn --probes suite.yaml",
                "  failforward scan --data churn.csv --target churn --detectors weak-slice --threshold weak-slice.min-support=50",
                "  failforward scan --data scored.csv --target churn --prediction-column predicted --probability-columns p_no,p_yes",
                "  failforward scan --data churn.csv --target churn --current production.csv --detectors drift",
                "", "Writes report.html, report.json and predictions.csv to --out and records the run in --store."})
public final class ScanCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    RunOptions run;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit with code 1 when a finding of this severity or worse is reported: info, warning or critical.")
    FailOn failOn;

    @Option(names = "--detectors", paramLabel = "default|all|none|ID,ID", defaultValue = "default",
            description = "Detectors to run: default (weak-slice, calibration, drift, leakage), all (adds label-issue), none, "
                    + "or a comma-separated list of ids (default: ${DEFAULT-VALUE}).")
    String detectors;

    @Option(names = "--threshold", paramLabel = "ID.KEY=VALUE",
            description = "Override a detector threshold, such as weak-slice.min-support=50 (repeatable; see docs/detectors.md, Thresholds).")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--timings",
            description = "Print the seconds each phase took (read, train, score, judge, each detector, store, report); "
                    + "report.json keeps them under 'timings' in any case.")
    boolean timings;

    @Option(names = "--resume", paramLabel = "RUN_ID",
            description = "Complete this incomplete run (e.g. of a killed scan, or of a model endpoint that failed for good: "
                    + "only the rows it has not scored are sent) instead of starting a new one; give the same options.")
    String resume;

    @Option(names = "--redact", paramLabel = "COL", split = ",",
            description = "Store a keyed hash (HMAC-SHA256) instead of the values of these columns.")
    java.util.List<String> redact = java.util.List.of();

    @Option(names = "--prediction-column", paramLabel = "COL",
            description = "Scan predictions you already have, without a model: this column holds the predicted class or value. "
                    + "Every row is evaluated; nothing is trained.")
    String predictionColumn;

    @Option(names = "--probability-columns", paramLabel = "C1,C2,…", split = ",",
            description = "With --prediction-column: one probability column per class, in the order of the target's classes "
                    + "(sorted; the --positive-class last). Without it, probabilities are one-hot on the predicted class.")
    List<String> probabilityColumns = List.of();

    @Option(names = "--probes", paramLabel = "none|default|FILE", defaultValue = "none",
            description = "After the holdout evaluation, also probe the model on the test rows: none, default (the default "
                    + "probe suite for the column types) or a suite file; probe failures join the run (default: ${DEFAULT-VALUE}).")
    String probes;

    @Option(names = "--current", paramLabel = "FILE",
            description = "Current (production) rows for drift: compared with the training rows (with --prediction-column: "
                    + "the scored rows) instead of the test rows. Needs every feature column; the target may be absent.")
    java.nio.file.Path current;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputFolder.check(run.out);
        DetectorPlan plan = FailForward.detectors(detectors, thresholds);
        if (predictionColumn == null && !probabilityColumns.isEmpty()) {
            throw new UsageException("--probability-columns needs --prediction-column");
        }
        if (predictionColumn != null) {
            for (String option : List.of("--model", "--model-config", "--test", "--resume", "--redact", "--probes")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new UsageException(option + " does not apply to a scan of --prediction-column, which has no model");
                }
            }
            long reading = System.nanoTime();
            Table table = TableReaders.read(data.data, data.readOptions());
            double read = (System.nanoTime() - reading) / 1e9;
            InputWidth.check(table, data.target);
            List<String> own = new ArrayList<>(probabilityColumns);
            own.add(predictionColumn);
            plan = withCurrent(plan, table, own);
            return new ScanJob(System.out, System.err).timed(read, timings).runPredictions(table, data.spec(run.seed), predictionColumn,
                    probabilityColumns, run, GivenOptions.of(spec), plan, failOn == null ? null : Severity.parse(failOn.name()));
        }
        if (resume != null) {
            // Before the data is read: a complete run, or one begun with other options, is refused at once.
            ResumeCheck.check(run.store, resume, GivenOptions.of(spec));
        }
        long reading = System.nanoTime();
        Table table = TableReaders.read(data.data, data.readOptions());
        InputWidth.check(table, data.target);
        Table test = data.test == null ? null : TableReaders.read(data.test, data.readOptions());
        double read = (System.nanoTime() - reading) / 1e9;
        plan = withCurrent(plan, table, List.of());
        String name = data.data.getFileName().toString();
        return new ScanJob(System.out, System.err).probing(probes).timed(read, timings).run("scan", table, test, data.spec(run.seed), run, name,
                GivenOptions.of(spec), resume, redact, plan, failOn == null ? null : Severity.parse(failOn.name()));
    }

    /** The plan with the {@code --current} rows, read against {@code reference}; checks that drift will read them. */
    private DetectorPlan withCurrent(DetectorPlan plan, Table reference, List<String> predictionColumns) {
        if (current == null) {
            return plan;
        }
        if (plan.detectors().stream().noneMatch(d -> d.id().equals(DriftDetector.ID))) {
            throw new UsageException("--current is read by the drift detector, which this scan does not run; "
                    + "add drift to --detectors");
        }
        List<String> notFeatures = new ArrayList<>(data.ignore);
        notFeatures.add(data.target);
        if (data.id != null) {
            notFeatures.add(data.id);
        }
        notFeatures.addAll(predictionColumns);
        return plan.withCurrent(CurrentFile.read(current, reference, notFeatures, data.readOptions().types()));
    }

    /** Severities of findings, in increasing order, as the option spells them. */
    enum FailOn { info, warning, critical }
}
