package dev.failforward.cli;

import dev.failforward.compare.Policy;
import dev.failforward.compare.PolicyFile;
import dev.failforward.compare.retrain.CandidateSink;
import dev.failforward.compare.retrain.RetrainHtml;
import dev.failforward.compare.retrain.RetrainJson;
import dev.failforward.compare.retrain.RetrainRequest;
import dev.failforward.compare.retrain.RetrainResult;
import dev.failforward.compare.retrain.Retrainer;
import dev.failforward.data.ColumnType;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.failure.ProductionEvent;
import dev.failforward.failure.Redaction;
import dev.failforward.log.FailureLog;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProvider;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Task;
import dev.failforward.model.builtin.ModelFiles;
import dev.failforward.report.AtomicFiles;
import dev.failforward.retrain.RetrainStrategies;
import dev.failforward.retrain.RetrainStrategy;
import dev.failforward.run.Run;
import dev.failforward.run.RunHeader;
import dev.failforward.run.Secrets;
import dev.failforward.scan.Holdout;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import dev.failforward.scan.TableFingerprint;
import dev.failforward.session.RunSession;
import dev.failforward.store.RedactionKeys;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The work behind {@code retrain} (and the demo's retrain): re-create the source run's split from its
 * recorded options, check the data is the run's, build and judge the candidates, save them, record the
 * retrain as a run of kind {@code retrain} and write {@code retrain.json} and {@code retrain.html}.
 */
final class RetrainJob {

    static final String KIND = "retrain";
    static final String JSON = "retrain.json";
    static final String HTML = "retrain.html";

    /** What to retrain and how; {@code holdout}, {@code policy} and {@code export} may be null. */
    record Settings(String fromRun, Path data, String strategies, Path holdout, Path policy, boolean relabel, Path out,
                    Path export, int resamples, String store, Map<String, String> given, String model) {

        /** Settings without {@code --model}: the candidates are of the run's own built-in kind. */
        Settings(String fromRun, Path data, String strategies, Path holdout, Path policy, boolean relabel, Path out,
                 Path export, int resamples, String store, Map<String, String> given) {
            this(fromRun, data, strategies, holdout, policy, relabel, out, export, resamples, store, given, null);
        }
    }

    /** The retrain's run id, its result and the files written. */
    record Done(String runId, RetrainResult result, Path json, Path html) {
    }

    private final PrintStream out;
    private final PrintStream err;

    RetrainJob(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    Done run(Settings s) {
        List<RetrainStrategy> strategies = RetrainStrategies.resolve(s.strategies());
        Policy policyGiven = s.policy() == null ? null : PolicyFile.read(s.policy());
        checkFolder(s.out(), "--out");
        if (s.export() != null) {
            checkFolder(s.export(), "--export-training");
        }
        Run run;
        try (FailureLog reading = Stores.open(s.store())) {
            run = reading.run(s.fromRun()).orElseThrow(() -> new UsageException(
                    "no run '" + s.fromRun() + "' in " + reading.location() + "; see 'failforward log runs'"));
        }
        Map<String, String> options = run.provenance() == null ? Map.of() : run.provenance().options();
        // The run's model trained on the keyed hashes of its redacted columns (and row keys): so do the candidates,
        // and everything written below holds hashes only.
        List<String> redact = list(options.get("--redact"));
        Redaction redaction = RedactionKeys.forStore(s.store(), redact);
        if (options.get("--id") != null && redact.contains(options.get("--id"))) {
            redaction = redaction.withRowKeys();
        }
        try (FailureLog opened = Stores.open(s.store(), redaction)) {
            if (!List.of("scan", "demo").contains(run.kind())) {
                throw new UsageException("run " + run.id() + " is a " + run.kind() + " run; retrain starts from a scan or demo run");
            }
            boolean builtin = run.modelId() != null && run.modelId().startsWith("builtin:") && run.modelPath() != null;
            java.util.Optional<dev.failforward.model.ModelSource> elsewhere = builtin ? java.util.Optional.empty()
                    : RunModels.source(run);
            if (!builtin && elsewhere.isEmpty()) {
                throw new UsageException("run " + run.id() + " scored " + run.modelId() + ", which is neither a built-in model saved "
                        + "with the run nor a model trained elsewhere that FailForward can open");
            }
            if (!builtin && s.model() == null) {
                throw new UsageException("run " + run.id() + " scored " + Secrets.redact(run.modelId()) + ", a model trained elsewhere: "
                        + "give --model builtin:gbm, builtin:logistic or builtin:tree, the family of the candidates");
            }
            if (s.model() != null && (!s.model().startsWith("builtin:") || (builtin && !s.model().equals(run.modelId())))) {
                throw new UsageException("--model " + s.model() + ": expected a built-in model for the candidates"
                        + (builtin ? " of a run trained elsewhere; run " + run.id() + "'s candidates are of its own kind, "
                        + run.modelId() : " (builtin:gbm, builtin:logistic, builtin:tree)"));
            }
            ReadOptions read = readOptions(options.get("--type"));
            Table table = TableReaders.read(s.data(), read);
            Table test = null;
            String fingerprint = TableFingerprint.of(table);
            if (options.get("--test") != null) {
                Path testFile = Path.of(options.get("--test"));
                if (!Files.isRegularFile(testFile)) {
                    throw new UsageException("run " + run.id() + " was scanned with --test " + testFile
                            + ", which is not there any more (retrain re-creates the run's rows from it)");
                }
                test = TableReaders.read(testFile, read);
                fingerprint += "+" + TableFingerprint.of(test);
            }
            if (run.dataFingerprint() != null && !run.dataFingerprint().equals(fingerprint)) {
                throw new UsageException("--data " + s.data() + " is not the data run " + run.id() + " was made from ("
                        + run.data() + "; its fingerprint differs)");
            }
            ScanSpec spec = spec(run, options);
            ScanData prepared = ScanData.prepare(redaction.apply(table), test == null ? null : redaction.apply(test), spec);
            if (!prepared.target().classes().equals(run.classes())) {
                throw new UsageException("the classes of '" + run.target() + "' in " + s.data() + " " + prepared.target().classes()
                        + " are not run " + run.id() + "'s " + run.classes());
            }
            Table holdout = null;
            List<String> holdoutKeys = null;
            if (s.holdout() != null) {
                ScanData held = ScanData.prepare(redaction.apply(table), redaction.apply(TableReaders.read(s.holdout(), read)), spec);
                holdout = held.test();
                holdoutKeys = held.testKeys();
            }
            ModelProvider provider = ModelProviders.find(builtin ? run.modelId() : s.model());
            Model current;
            if (builtin) {
                current = ModelFiles.load(Path.of(run.modelPath()));
                if (run.modelFingerprint() != null && !run.modelFingerprint().equals(current.fingerprint())) {
                    throw new UsageException(run.modelPath() + " is not the model run " + run.id() + " saved (its fingerprint differs)");
                }
            } else {
                // The model trained elsewhere stays the current model; the candidates are the chosen built-in family,
                // trained on the run's data split as a scan splits it.
                current = RunModels.open(run, elsewhere.get(), null, prepared.test());
            }
            FailureLog log = opened;
            List<ProductionEvent> production = opened.judgedEvents();
            Policy policy = policyGiven == null ? Policy.defaults(prepared.target().task()) : policyGiven;
            Map<String, String> given = new LinkedHashMap<>(s.given());
            given.put("from_run", run.id());
            if (!builtin) {
                given.put("candidates", provider.id());
            }
            RunHeader header = RunHeader.of(KIND, prepared.target()).model(builtin ? run.modelId() : provider.id()).data(run.data(), run.dataFingerprint())
                    .seed(spec.seed()).options(given);
            RunSession session = RunSession.begin(log, header);
            Path models = Stores.modelFolder(s.store());
            Map<String, String> saved = new LinkedHashMap<>();
            CandidateSink sink = (strategy, model, training) -> {
                Path file = models.resolve(session.id() + "-" + strategy + ".model");
                ModelFiles.save(model, file);
                if (s.export() != null) {
                    TrainingCsv.write(training, redact, s.export().resolve(strategy + ".csv"));
                }
                saved.put(strategy, file.toString());
                return file.toString();
            };
            RetrainRequest request = new RetrainRequest(run.id(), run.data(), prepared, current, provider.trainer(), strategies,
                    policy, holdout, holdoutKeys, production, s.relabel(), spec.seed(), s.resamples(), redact, sink);
            Retrainer.Outcome outcome = new Retrainer(new TerminalProgress(err)).retrain(request);
            RetrainResult result = outcome.result();
            Holdout.Outcome judged = Holdout.judge(session.id(), outcome.verification(), prepared.target(),
                    outcome.verificationKeys(), outcome.chosen());
            String chosenPath = result.keepsCurrent() ? run.modelPath() : saved.get(result.recommended());
            String chosenFingerprint = result.keepsCurrent() ? current.fingerprint() : result.candidates().stream()
                    .filter(c -> c.strategy().equals(result.recommended())).findFirst().orElseThrow().modelFingerprint();
            session.complete(chosenFingerprint, chosenPath, judged.evaluation().metrics(), judged.predictions(),
                    judged.failures(), null);
            Path json = s.out().resolve(JSON);
            Path html = s.out().resolve(HTML);
            try {
                AtomicFiles.write(json, RetrainJson.render(result, session.id()));
                AtomicFiles.write(html, RetrainHtml.render(result, session.id()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write into " + s.out() + ": " + e.getMessage(), e);
            }
            summary(session.id(), result, json, html, log.location());
            return new Done(session.id(), result, json, html);
        }
    }

    private void summary(String runId, RetrainResult r, Path json, Path html, String store) {
        out.printf("Retrain %s of run %s: %s, %d training / %d selection / %d verification rows%n", runId, r.sourceRun(),
                r.modelId(), r.trainingRows(), r.selectionRows(), r.verificationRows());
        for (var c : r.candidates()) {
            if (!c.judged()) {
                out.printf("  %-12s %s: %s%n", c.strategy(), c.status(), c.reason());
                continue;
            }
            out.printf(java.util.Locale.ROOT, "  %-12s %s %.4f → %.4f (%+.4f [%+.4f, %+.4f]); target: %d fixed, %d new, Holm p %s; gate %s%s%n",
                    c.strategy(), r.primaryMetric(), c.primary().baseline(), c.primary().candidate(), c.primary().difference(),
                    c.primary().ciLow(), c.primary().ciHigh(), c.targeted().fixed(), c.targeted().added(),
                    c.targeted().holmPValue() < 0.001 ? "<0.001" : String.format(java.util.Locale.ROOT, "%.3f", c.targeted().holmPValue()),
                    c.passed() ? "pass" : "block",
                    c.recommended() ? "  ← recommended" : c.worse() ? "  (worse)" : "");
        }
        out.println("  " + r.reason());
        out.println("  report:      " + html);
        out.println("  json:        " + json);
        out.println("  failure log: " + store + "  (failforward log runs)");
    }

    /** The scan's split as the run recorded it: its options as given, its target, classes and seed. */
    static ScanSpec spec(Run run, Map<String, String> options) {
        String task = options.get("--task");
        String fraction = options.get("--test-fraction");
        return new ScanSpec(run.target(), task == null ? null : Task.parse(task), options.get("--positive-class"),
                options.get("--id"), list(options.get("--ignore")),
                fraction == null ? ScanSpec.DEFAULT_TEST_FRACTION : Double.parseDouble(fraction),
                run.provenance() == null ? ScanSpec.DEFAULT_SEED : run.provenance().seed());
    }

    /** A list option as recorded ({@code [a, b]}). */
    static List<String> list(String recorded) {
        if (recorded == null) {
            return List.of();
        }
        String s = recorded.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** The {@code --type} overrides as recorded ({@code {col=numeric, other=text}}). */
    private static ReadOptions readOptions(String recorded) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        if (recorded != null) {
            String s = recorded.trim();
            if (s.startsWith("{") && s.endsWith("}")) {
                s = s.substring(1, s.length() - 1);
            }
            for (String part : s.split(",")) {
                int eq = part.lastIndexOf('=');
                if (eq > 0) {
                    types.put(part.substring(0, eq).trim(), ColumnType.parse(part.substring(eq + 1).trim()));
                }
            }
        }
        return types.isEmpty() ? ReadOptions.DEFAULT : new ReadOptions(types);
    }

    private static void checkFolder(Path folder, String option) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UsageException(option + " " + folder + " is a file; expected a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
        }
    }
}
