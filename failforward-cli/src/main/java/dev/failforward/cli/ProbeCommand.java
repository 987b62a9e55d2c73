package dev.failforward.cli;

import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureLog;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProvider;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.ModelSources;
import dev.failforward.model.Predictions;
import dev.failforward.model.builtin.ModelFiles;
import dev.failforward.probe.ProbeOutcome;
import dev.failforward.probe.ProbeResult;
import dev.failforward.probe.ProbeRunner;
import dev.failforward.probe.Probes;
import dev.failforward.probe.text.TextAttack;
import dev.failforward.probe.text.TextAttackResult;
import dev.failforward.probe.text.TextProbes;
import dev.failforward.report.ProbeReport;
import dev.failforward.report.ReportFiles;
import dev.failforward.run.Provenance;
import dev.failforward.run.Run;
import dev.failforward.run.RunIds;
import dev.failforward.run.RunStatus;
import dev.failforward.scan.Holdout;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanResult;
import dev.failforward.scan.ScanSpec;
import dev.failforward.scan.TableFingerprint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code failforward probe}: train like {@code scan}, then break the model on purpose with the default
 * probe suite on the test rows. Holdout failures and every row a probe flipped are stored in one run
 * of kind {@code probe}; probe failures have origin {@code probe:<id>}.
 */
@Command(name = "probe", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model, then perturb the test rows (noise, category swaps, missing values, typical values)",
                "at several levels; report flip rates and metric drops and log every flipped row.",
                "Text columns get the text probes (typo, case-punctuation, contraction, negation, name-swap,",
                "synonym, irrelevant-sentence).", ""},
        footer = {"", "Examples:",
                "  failforward probe --data churn.csv --target churn",
                "  failforward probe --data churn.csv --target churn --model builtin:logistic --seed 7 --out reports/probe",
                "  failforward probe --data sentiment.csv --target label --model builtin:text-minilm-logistic --ignore source",
                "  failforward probe --data sentiment.csv --target label --model builtin:text-minilm-logistic --text-adversarial",
                "  failforward log list --origin 'probe:*' --format jsonl",
                "", "Writes report.html, report.json (with probes[]) and predictions.csv to --out and records the run in --store."})
public final class ProbeCommand implements Callable<Integer> {

    static final String KIND = "probe";

    @Mixin
    DataOptions data;

    @Mixin
    RunOptions run;

    @Mixin
    TextProbeOptions text;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (ModelSources.find(run.model).isPresent() || run.modelConfig != null) {
            throw new UsageException("probe trains a built-in model; --model must be one of "
                    + ModelProviders.all().stream().map(ModelProvider::id).toList());
        }
        ModelProvider provider = ModelProviders.find(run.model);
        Table table = TableReaders.read(data.data, data.readOptions());
        Table test = data.test == null ? null : TableReaders.read(data.test, data.readOptions());
        ScanSpec scanSpec = data.spec(run.seed);
        ScanData prepared = ScanData.prepare(table, test, scanSpec);
        var probes = TextProbes.applicable(Probes.all(), prepared.test());
        TextAttack textAttack = text.attack();
        if (textAttack != null && !TextProbes.hasText(prepared.test())) {
            throw new UsageException("--text-adversarial needs a text feature column; " + dataName(data) + " has none");
        }
        checkOutputFolder(run.out);
        String dataName = data.data.getFileName().toString();
        String fingerprint = TableFingerprint.of(table) + (test == null ? "" : "+" + TableFingerprint.of(test));
        Map<String, String> given = GivenOptions.of(spec);
        TerminalProgress progress = new TerminalProgress(System.err);
        ScanResult result;
        ProbeOutcome outcome;
        try (FailureLog log = Stores.open(run.store)) {
            String runId = RunIds.next();
            Instant started = Instant.now();
            var target = prepared.target();
            log.begin(new Run(runId, KIND, started, null, RunStatus.INCOMPLETE, target.task(), target.column(),
                    target.classes(), provider.id(), null, null, dataName, fingerprint, Map.of(), 0, 0,
                    Provenance.current(run.seed, fingerprint, null, given)));
            Model model = provider.trainer().train(prepared.train(), target, run.seed, progress);
            Predictions baseline = model.predict(prepared.test());
            Holdout.Outcome holdout = Holdout.judge(runId, prepared.test(), target, prepared.testKeys(), baseline);
            outcome = ProbeRunner.run(probes, model, prepared, baseline, run.seed, runId,
                    holdout.failures().size() + 1, progress);
            List<Failure> failures = new ArrayList<>(holdout.failures());
            failures.addAll(outcome.failures());
            TextAttackResult attacked = textAttack == null ? null : textAttack.run(model, prepared, baseline, run.seed, runId,
                    failures.size() + 1, progress);
            if (attacked != null) {
                failures.addAll(attacked.failures());
            }
            Path modelFile = Stores.modelFolder(run.store).resolve(runId + ".model");
            ModelFiles.save(model, modelFile);
            Run done = new Run(runId, KIND, started, Instant.now(), RunStatus.COMPLETE, target.task(), target.column(),
                    target.classes(), provider.id(), model.fingerprint(), modelFile.toString(), dataName, fingerprint,
                    holdout.evaluation().metrics(), holdout.predictions().size(), failures.size(),
                    Provenance.current(run.seed, fingerprint, model.fingerprint(), given));
            log.complete(done, holdout.predictions(), failures);
            result = new ScanResult(done, holdout.evaluation(), holdout.predictions(), failures, List.of(), List.of());
            ReportFiles written;
            try {
                written = ProbeReport.writeAll(result, outcome.results(), attacked, run.out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report into " + run.out + ": " + e.getMessage(), e);
            }
            summary(result, outcome, written, log.location());
            if (attacked != null) {
                System.out.printf("  text adversarial: %d of %d correctly predicted rows flipped (success rate %.4f), median %s words changed%n",
                        attacked.succeeded(), attacked.attacked(), attacked.successRate(),
                        dev.failforward.data.NumericColumn.format(attacked.medianWordsChanged()));
            }
        }
        return ExitCodes.OK;
    }

    private static void summary(ScanResult r, ProbeOutcome o, ReportFiles written, String store) {
        var out = System.out;
        out.printf("Run %s: %s on %s (%s, target '%s')%n", r.run().id(), r.run().modelId(), r.run().data(),
                r.run().task().id(), r.run().target());
        boolean regression = !r.run().task().isClassification();
        out.printf("  %-16s %6s %10s %10s %10s %9s%n", "probe", "level", regression ? "shift" : "flip rate",
                o.results().isEmpty() ? "metric" : o.results().get(0).metric(), "drop", "failures");
        for (ProbeResult p : o.results()) {
            out.printf("  %-16s %6.2f %10.4f %10.4f %10.4f %9d%n", p.id(), p.level(), p.flipRate(), p.perturbed(),
                    p.drop(), p.failures());
        }
        out.println("  " + o.failures().size() + " probe failures, " + r.failures().stream().filter(f -> "holdout".equals(f.origin())).count()
                + " holdout failures");
        out.println("  report:      " + written.html());
        out.println("  json:        " + written.json());
        out.println("  failure log: " + store + "  (failforward log list --run " + r.run().id() + " --origin 'probe:*')");
    }

    private static String dataName(DataOptions data) {
        return data.data.getFileName().toString();
    }

    private static void checkOutputFolder(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UsageException("--out " + folder + " is a file; expected a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
