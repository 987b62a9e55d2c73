package dev.failforward.cli;

import dev.failforward.FailForward;
import dev.failforward.data.Table;
import dev.failforward.detect.DetectorInputs;
import dev.failforward.detect.DetectorPlan;
import dev.failforward.detect.DetectorResult;
import dev.failforward.detect.Finding;
import dev.failforward.detect.Severity;
import dev.failforward.failure.Failure;
import dev.failforward.failure.Redaction;
import dev.failforward.log.FailureLog;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.Model;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelProvider;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.ModelSource;
import dev.failforward.model.ModelSources;
import dev.failforward.model.ModelUnavailableException;
import dev.failforward.model.external.ModelConfigFile;
import dev.failforward.probe.ProbeOutcome;
import dev.failforward.probe.ProbeSuite;
import dev.failforward.report.ReportFiles;
import dev.failforward.report.ReportWriter;
import dev.failforward.run.Run;
import dev.failforward.run.Secrets;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import dev.failforward.scan.TableFingerprint;
import dev.failforward.scan.TrainingOverlap;
import dev.failforward.session.ProbeSteps;
import dev.failforward.session.ScanModel;
import dev.failforward.session.ScanRequest;
import dev.failforward.session.ScanResult;
import dev.failforward.session.Scanner;
import dev.failforward.store.RedactionKeys;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The work behind {@code scan} and {@code demo}: check everything, then train, evaluate, store the
 * run and write the reports. Nothing is written before all input has been checked.
 */
final class ScanJob {

    private static final int WORST_SHOWN = 5;

    private final PrintStream out;
    private final PrintStream err;
    private String probes = "none";
    private double readSeconds;
    private boolean printTimings;
    private ScanResult last;

    ScanJob(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The seconds reading the data took (kept in the timings); {@code print}: print the time per phase. */
    ScanJob timed(double read, boolean print) {
        this.readSeconds = read;
        this.printTimings = print;
        return this;
    }

    /** The result of the last scan this job ran, or null. */
    ScanResult last() {
        return last;
    }

    /** Also run probes on the test rows of a built-in model: {@code none}, {@code default} or a suite file. */
    ScanJob probing(String probes) {
        this.probes = probes;
        return this;
    }

    int run(String kind, Table data, Table test, ScanSpec spec, RunOptions options, String dataName,
            Map<String, String> given) {
        return run(kind, data, test, spec, options, dataName, given, null, List.of(), DetectorPlan.none(), null);
    }

    /**
     * The full scan. Exit code 1 when {@code failOn} is set and a finding of that severity or worse
     * exists; else 3 when a detector failed; else 0.
     *
     * @param resume the id of an incomplete run to complete instead of beginning a new one, or null
     * @param redact input columns stored as keyed hashes
     */
    int run(String kind, Table data, Table test, ScanSpec spec, RunOptions options, String dataName,
            Map<String, String> given, String resume, List<String> redact, DetectorPlan plan, Severity failOn) {
        java.util.Optional<ModelSource> source = ModelSources.find(options.model);
        String shown = Secrets.redact(options.model);
        if (source.isPresent()) {
            if (!redact.isEmpty()) {
                throw new UsageException("--redact applies to built-in models, not to " + shown);
            }
            if (!"none".equals(probes)) {
                throw new UsageException("--probes applies to scans of built-in models, not to " + shown
                        + "; leave it out (default: none)");
            }
            if (plan.current() != null) {
                throw new UsageException("--current is read by the drift detector, which runs on scans of built-in models, not of "
                        + shown);
            }
            if (!plan.detectors().isEmpty()) {
                err.println("note: detectors run on scans of built-in models; " + shown + " is scored without them");
            }
            return runExternal(kind, source.get(), data, test, spec, options, given, resume);
        }
        ModelSources.check(options.model);
        long preparing = System.nanoTime();
        if (options.modelConfig != null) {
            throw new UsageException("--model-config applies to models trained elsewhere (" + ModelSources.all().stream()
                    .map(s -> s.prefix() + "…").sorted().reduce((a, b) -> a + ", " + b).orElse("none") + "), not to " + shown);
        }
        ModelProvider provider = ModelProviders.find(options.model);
        for (String column : redact) {
            if (data.find(column).isEmpty()) {
                throw new UsageException("--redact: no column '" + column + "' in " + dataName + "; columns are " + data.columnNames());
            }
        }
        // The model trains on the hashes of redacted columns (and row keys come from them), so no
        // file written below — store, saved model, reports, predictions — holds a clear value.
        Redaction redaction = RedactionKeys.forStore(options.store, redact);
        if (spec.idColumn() != null && redact.contains(spec.idColumn())) {
            redaction = redaction.withRowKeys();
        }
        ScanData prepared = ScanData.prepare(redaction.apply(data), test == null ? null : redaction.apply(test), spec);
        ProbeSuite suite = "none".equals(probes) ? null : ProbeSuites.resolve("default".equals(probes) ? null : Path.of(probes), prepared);
        checkOutputFolder(options.out);
        String fingerprint = TableFingerprint.of(data) + (test == null ? "" : "+" + TableFingerprint.of(test));
        if (prepared.droppedRows() > 0) {
            err.println("note: " + prepared.droppedRows() + " rows without a value in '" + spec.target() + "' were left out");
        }
        if (test != null) {
            TrainingOverlap overlap = TrainingOverlap.of(prepared.train(), prepared.test());
            if (overlap.largely()) {
                err.println("WARNING: the test rows are largely training rows: " + overlap.describe() + ". Its metrics and"
                        + " failures show what it remembers, not how it does on new data; give held-out rows as --test.");
            }
        }
        ScanResult result;
        try (FailureLog log = Stores.open(options.store, redaction)) {
            Run resumed = resume == null ? null : resumable(log, resume, kind, provider.id(), fingerprint);
            ScanRequest request = ScanRequest.of(prepared, new ScanModel.Trained(provider.id(), provider.trainer(),
                    FailForward.modelSaver(options.store)))
                    .kind(kind).dataNamed(dataName, fingerprint).seed(spec.seed()).options(given).resuming(resumed)
                    // Detectors do not see redacted columns: their findings would quote the values.
                    .detectors(plan.hiding(redact)).timed("read", readSeconds)
                    // Splitting, the data's fingerprint and opening the store.
                    .timed("prepare", (System.nanoTime() - preparing) / 1e9);
            if (suite != null) {
                request = request.step(ProbeSteps.probes(suite));
            }
            result = new Scanner(log, new TerminalProgress(err)).scan(request);
            last = result;
            ProbeOutcome probed = result.step(ProbeOutcome.class).orElse(null);
            long reporting = System.nanoTime();
            ReportFiles written = probed == null ? write(result, options.out) : writeProbed(result, probed, options.out);
            summary(result, written, log.location());
            timings(result, reporting);
            if (probed != null) {
                int n = probed.failures().size();
                out.println("  probes:      " + probed.results().size() + " probe levels, " + n + " probe failures"
                        + "  (failforward log list --run " + result.run().id() + " --origin 'probe:*')");
            }
        }
        detectors(result);
        if (failOn != null && result.findings().stream().anyMatch(f -> f.severity().atLeast(failOn))) {
            err.println("failforward: --fail-on " + failOn.id() + ": there are findings of severity " + failOn.id() + " or worse");
            return ExitCodes.FAILED_CHECK;
        }
        if (result.detectors().stream().anyMatch(d -> d.status() == DetectorResult.Status.ERROR)) {
            return ExitCodes.PART_FAILED;
        }
        return ExitCodes.OK;
    }

    private static ReportFiles writeProbed(ScanResult result, ProbeOutcome probed, Path folder) {
        try {
            return dev.failforward.report.ProbeReport.writeAll(result, probed, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + folder + ": " + e.getMessage(), e);
        }
    }

    /** With {@code --timings}: the seconds of each phase, the reports' writing (begun at {@code reporting}) last. */
    private void timings(ScanResult r, long reporting) {
        if (!printTimings) {
            return;
        }
        double report = (System.nanoTime() - reporting) / 1e9;
        out.println("  timings (seconds):");
        r.timings().forEach((phase, seconds) -> out.printf("    %-24s %8.3f%n", phase, seconds));
        out.printf("    %-24s %8.3f%n", "report", report);
        // Each detector's time lies within "detectors" (they run side by side), so it is not added again.
        double total = r.timings().entrySet().stream().filter(e -> !e.getKey().startsWith("detector:"))
                .mapToDouble(Map.Entry::getValue).sum() + report;
        out.printf("    %-24s %8.3f%n", "total", total);
    }

    private void detectors(ScanResult r) {
        if (r.detectors().isEmpty()) {
            return;
        }
        out.println("  detectors:");
        for (DetectorResult d : r.detectors()) {
            long n = r.findings().stream().filter(f -> f.detector().equals(d.id())).count();
            out.printf("    %-12s %s%s (%d ms)%n", d.id(), d.status().id(),
                    d.status() == DetectorResult.Status.ERROR ? ": " + d.error() : ", " + n + (n == 1 ? " finding" : " findings"),
                    d.millis());
        }
        for (Finding f : r.findings().stream().limit(WORST_SHOWN * 2).toList()) {
            out.printf("    [%s] %s%n", f.severity().id(), Text.clip(f.title(), 140));
        }
    }

    /**
     * A model trained elsewhere: nothing is trained; every row of {@code test} when given, else of
     * {@code data}, is scored. The run records the model file's location and hash; the file is not copied.
     * When the model fails for good (an endpoint that went away), the rows it scored stay with the
     * incomplete run, and {@code resume} (that run's id) scores only the rest.
     */
    private int runExternal(String kind, ModelSource source, Table data, Table test, ScanSpec spec, RunOptions options,
                            Map<String, String> given, String resume) {
        ModelConfig config = options.modelConfig == null ? ModelConfig.NONE : ModelConfigFile.read(options.modelConfig);
        ExternalModel loaded = source.load(options.model, config);
        if (options.modelConfig != null) {
            // Recorded whole, so that later verbs (explain) re-open the model with the same mapping.
            given = new java.util.LinkedHashMap<>(given);
            given.put(RunModels.CONFIG, options.modelConfig.toAbsolutePath().normalize().toString());
        }
        Table rows = test == null ? data : test;
        ScanData prepared = ScanData.forModel(rows, test == null ? null : data, spec, loaded.task(), loaded.classes(), loaded.classCount());
        Model model = loaded.bind(prepared.target(), prepared.test());
        checkOutputFolder(options.out);
        if (prepared.droppedRows() > 0) {
            err.println("note: " + prepared.droppedRows() + " rows without a value in '" + spec.target() + "' were left out");
        }
        String dataName = Path.of(rows.source()).getFileName().toString();
        try (FailureLog log = Stores.open(options.store)) {
            String fingerprint = TableFingerprint.of(rows);
            Run resumed = resume == null ? null : resumable(log, resume, kind, loaded.id(), fingerprint);
            ScanResult result;
            try {
                result = new Scanner(log, new TerminalProgress(err)).scan(ScanRequest.of(prepared, new ScanModel.Given(model,
                        loaded.location())).kind(kind).dataNamed(dataName, fingerprint).seed(spec.seed()).options(given)
                        .resuming(resumed).timed("read", readSeconds));
            } catch (ModelUnavailableException e) {
                err.println("failforward: error: the model failed: " + Text.safe(e.getMessage()));
                return ExitCodes.PART_FAILED;
            }
            long reporting = System.nanoTime();
            ReportFiles written = write(result, options.out);
            summary(result, written, log.location());
            timings(result, reporting);
        }
        return ExitCodes.OK;
    }

    /**
     * A scan without a model, of predictions the user already has in {@code predictionColumn} (and
     * {@code probabilityColumns}, one per class): every row with a target is evaluated, nothing is
     * trained. Those columns are not features. Drift compares the scored rows with {@code --current}
     * rows and is skipped with a note without them; leakage looks for single-feature predictors and
     * identifiers on the scored rows alone; label-issue runs only on supplied probabilities (one-hot
     * ones would flag every failure).
     */
    int runPredictions(Table data, ScanSpec spec, String predictionColumn, List<String> probabilityColumns,
                       RunOptions options, Map<String, String> given, DetectorPlan plan, Severity failOn) {
        data.column(predictionColumn);
        probabilityColumns.forEach(data::column);
        java.util.List<String> own = new java.util.ArrayList<>();
        own.add(predictionColumn);
        own.addAll(probabilityColumns);
        if (own.contains(spec.target())) {
            throw new UsageException("the target '" + spec.target() + "' cannot be a prediction or probability column");
        }
        java.util.LinkedHashSet<String> ignore = new java.util.LinkedHashSet<>(spec.ignore());
        ignore.addAll(own);
        ScanSpec withoutPredictions = new ScanSpec(spec.target(), spec.task(), spec.positiveClass(), spec.idColumn(),
                List.copyOf(ignore), spec.testFraction(), spec.seed());
        ScanData prepared = ScanData.forModel(data, withoutPredictions, null, List.of(), 0);
        dev.failforward.model.PrecomputedModel model = dev.failforward.model.PrecomputedModel.of(data, prepared.target(),
                predictionColumn, probabilityColumns);
        DetectorPlan runnable = plan.runnableOn(new DetectorInputs(false, plan.current() != null,
                prepared.target().task().isClassification(), model.hasProbabilities()), note -> err.println("note: " + note));
        checkOutputFolder(options.out);
        if (prepared.droppedRows() > 0) {
            err.println("note: " + prepared.droppedRows() + " rows without a value in '" + spec.target() + "' were left out");
        }
        if (prepared.target().task().isClassification() && !model.hasProbabilities()) {
            err.println("note: no --probability-columns: probabilities are one-hot on the predicted class, "
                    + "so ROC AUC, log loss and calibration say little");
        }
        int disagree = model.disagreements(prepared.test());
        if (disagree > 0) {
            err.println("note: on " + disagree + " rows '" + predictionColumn + "' is not the most probable class of "
                    + "--probability-columns; metrics and failures use the most probable class");
        }
        String dataName = Path.of(data.source()).getFileName().toString();
        ScanResult result;
        try (FailureLog log = Stores.open(options.store)) {
            result = new Scanner(log, new TerminalProgress(err)).scan(ScanRequest.of(prepared, new ScanModel.Given(model, null))
                    .dataNamed(dataName, TableFingerprint.of(data)).seed(spec.seed()).options(given)
                    .detectors(new DetectorPlan(runnable.detectors(), plan.config(), null, List.of(), plan.current())).timed("read", readSeconds));
            long reporting = System.nanoTime();
            ReportFiles written = write(result, options.out);
            summary(result, written, log.location());
            timings(result, reporting);
        }
        detectors(result);
        if (failOn != null && result.findings().stream().anyMatch(f -> f.severity().atLeast(failOn))) {
            err.println("failforward: --fail-on " + failOn.id() + ": there are findings of severity " + failOn.id() + " or worse");
            return ExitCodes.FAILED_CHECK;
        }
        if (result.detectors().stream().anyMatch(d -> d.status() == DetectorResult.Status.ERROR)) {
            return ExitCodes.PART_FAILED;
        }
        return ExitCodes.OK;
    }

    /** The run to resume: it must be incomplete and a run of the same verb, model and data. */
    private static Run resumable(FailureLog log, String id, String kind, String modelId, String fingerprint) {
        Run run = log.resume(id);
        if (!kind.equals(run.kind()) || !java.util.Objects.equals(modelId, run.modelId())
                || !java.util.Objects.equals(fingerprint, run.dataFingerprint())) {
            throw new UsageException("run " + run.id() + " was a " + run.kind() + " of " + run.data() + " with "
                    + run.modelId() + "; --resume needs the same verb, --model and data (and the same options)");
        }
        return run;
    }

    private static ReportFiles write(ScanResult result, Path folder) {
        try {
            return ReportWriter.writeAll(result, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void checkOutputFolder(Path folder) {
        OutputFolder.check(folder);
    }

    private void summary(ScanResult r, ReportFiles written, String store) {
        int n = r.predictions().size();
        int f = r.failures().size();
        out.printf("Run %s: %s on %s (%s, target '%s')%n", r.run().id(), Text.safe(r.run().modelId()),
                Text.safe(r.run().data()), r.run().task().id(), Text.safe(r.run().target()));
        StringBuilder metrics = new StringBuilder();
        r.evaluation().metrics().forEach((k, v) -> metrics.append(String.format("  %s %.4f", Text.safe(k), v)));
        out.println("  metrics:" + metrics);
        out.printf("  %d " + (r.run().modelId().startsWith("builtin:") ? "test" : "scored")
                + " rows, %d failures (%.1f%%)%n", n, f, n == 0 ? 0 : 100.0 * f / n);
        List<Failure> worst = r.failures().stream().sorted(Comparator.comparingDouble(Failure::loss).reversed())
                .limit(WORST_SHOWN).toList();
        if (!worst.isEmpty()) {
            out.println("  worst failures:");
            for (Failure w : worst) {
                out.printf("    row %-8s expected %-12s predicted %-12s%s loss %.3f%n", Text.safe(w.rowKey()),
                        Text.clip(w.expected(), 12), Text.clip(w.predicted(), 12),
                        w.confidence() == null ? "" : String.format(" confidence %.3f", w.confidence()), w.loss());
            }
        }
        out.println("  report:      " + written.html());
        out.println("  json:        " + written.json());
        out.println("  predictions: " + written.csv());
        out.println("  failure log: " + store + "  (failforward log list --run " + r.run().id() + ")");
    }
}
