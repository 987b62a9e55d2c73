package dev.failforward.cli;

import dev.failforward.FailForward;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.log.FailureLog;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelProvider;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.ModelSources;
import dev.failforward.model.external.ModelConfigFile;
import dev.failforward.probe.ProbeOutcome;
import dev.failforward.probe.ProbeResult;
import dev.failforward.probe.ProbeSuite;
import dev.failforward.probe.adversarial.AdversarialOutcome;
import dev.failforward.probe.adversarial.AdversarialSettings;
import dev.failforward.probe.adversarial.AdversarialSummary;
import dev.failforward.probe.stress.StressOutcome;
import dev.failforward.probe.stress.StressRunner;
import dev.failforward.probe.stress.StressSettings;
import dev.failforward.probe.text.TextAttack;
import dev.failforward.probe.text.TextAttackResult;
import dev.failforward.probe.text.TextProbe;
import dev.failforward.report.AdversarialHtml;
import dev.failforward.report.AdversarialJson;
import dev.failforward.report.ProbeReport;
import dev.failforward.report.ProbeSection;
import dev.failforward.report.ReportFiles;
import dev.failforward.report.StressHtml;
import dev.failforward.report.StressJson;
import dev.failforward.report.TextAttackHtml;
import dev.failforward.report.TextAttackJson;
import dev.failforward.scan.Holdout;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import dev.failforward.scan.TableFingerprint;
import dev.failforward.session.ProbeSteps;
import dev.failforward.session.ScanModel;
import dev.failforward.session.ScanRequest;
import dev.failforward.session.ScanResult;
import dev.failforward.session.Scanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code failforward probe}: train like {@code scan}, then break the model on purpose with a probe suite
 * (a {@code --suite} file, or the default suite for the column types) on the test rows. Holdout failures and every row a probe flipped are stored in one run
 * of kind {@code probe}; probe failures have origin {@code probe:<id>}.
 */
@Command(name = "probe", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model, then perturb the test rows (noise, scaling, rounding, edge",
                "values, category swaps, unseen categories, missing and typical values; for",
                "text columns typos, case, contractions, negation, name swaps, synonyms and",
                "irrelevant sentences) at several levels, or run a suite file with INV/DIR/MFT",
                "expectations; report flip rates and metric drops with confidence intervals;",
                "log failing rows. Optionally search adversarial examples and stress-test",
                "with unseen groups, later times or a shifted test set.", ""},
        footer = {"", "Examples:",
                "  failforward probe --data churn.csv --target churn",
                "  failforward probe --data churn.csv --target churn --model builtin:logistic --seed 7 --out reports/probe",
                "  failforward probe --data churn.csv --target churn --suite suite.yaml",
                "  failforward probe --data credit.csv --target Status --model xgboost:credit.json --model-config credit.config.json",
                "  failforward probe --data churn.csv --target churn --adversarial --immutable senior_citizen --bound tenure=0:72",
                "  failforward probe --data churn.csv --target churn --group contract --shift tenure:0.8",
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

    @Option(names = "--suite", paramLabel = "FILE",
            description = "A probe suite (YAML: probes with levels, columns and expectations, MFT tests, immutable columns); "
                    + "default: every registered probe that applies to the feature types.")
    Path suite;

    @Mixin
    AdversarialOptions adversarial;

    @Mixin
    StressOptions stress;

    @Mixin
    TextProbeOptions text;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // A model trained elsewhere is probed on every row of --data (or --test), without training.
        ExternalModel external = ModelSources.find(run.model).map(s -> s.load(run.model,
                run.modelConfig == null ? ModelConfig.NONE : ModelConfigFile.read(run.modelConfig))).orElse(null);
        if (external == null && run.modelConfig != null) {
            throw new UsageException("--model-config applies to models trained elsewhere (xgboost:…, onnx:…, http…), not to " + run.model);
        }
        ModelProvider provider = external == null ? ModelProviders.find(run.model) : null;
        String modelId = external == null ? provider.id() : external.id();
        Table table = TableReaders.read(data.data, data.readOptions());
        InputWidth.check(table, data.target);
        Table test = data.test == null ? null : TableReaders.read(data.test, data.readOptions());
        ScanSpec scanSpec = data.spec(run.seed);
        ScanData prepared = external == null ? ScanData.prepare(table, test, scanSpec)
                : ScanData.forModel(test == null ? table : test, test == null ? null : table, scanSpec, external.task(),
                        external.classes(), external.classCount());
        ProbeSuite probes = ProbeSuites.resolve(suite, prepared);
        if (external != null && suite == null) {
            // A model trained elsewhere encodes categories with the vocabulary it was trained on and
            // refuses a level outside it; a suite file can still ask for the probe explicitly.
            probes = probes.without(java.util.Set.of("unseen-category"));
        }
        AdversarialSettings attack = withSuiteImmutables(adversarial.settings(run.seed), probes);
        AdversarialOptions.check(attack, prepared);
        StressSettings stressed = stress.settings();
        if (stressed != null) {
            if (external != null) {
                throw new UsageException("--group, --time and --shift retrain the model; a model trained elsewhere ("
                        + run.model + ") cannot be retrained");
            }
            StressRunner.check(table, scanSpec, stressed, prepared);
        }
        String dataName = data.data.getFileName().toString();
        TextAttack textAttack = text.attack();
        if (textAttack != null && !TextProbe.hasText(prepared.test())) {
            throw new UsageException("--text-adversarial needs a text feature column; " + dataName + " has none");
        }
        checkOutputFolder(run.out);
        String fingerprint = TableFingerprint.of(table) + (test == null ? "" : "+" + TableFingerprint.of(test));
        Map<String, String> given = GivenOptions.of(spec);
        ScanModel scanned;
        if (external == null) {
            scanned = new ScanModel.Trained(provider.id(), provider.trainer(), FailForward.modelSaver(run.store));
        } else {
            scanned = new ScanModel.Given(external.bind(prepared.target(), prepared.test()), external.location());
        }
        ScanRequest request = ScanRequest.of(prepared, scanned).kind(KIND).dataNamed(dataName, fingerprint).seed(run.seed)
                .options(given).step(ProbeSteps.probes(probes));
        if (attack != null) {
            request = request.step(ProbeSteps.adversarial(attack));
        }
        if (textAttack != null) {
            request = request.step(ProbeSteps.textAttack(textAttack));
        }
        if (stressed != null) {
            request = request.step(ProbeSteps.stress(table, scanSpec, provider.trainer(), stressed));
        }
        try (FailureLog log = Stores.open(run.store)) {
            ScanResult result = new Scanner(log, new TerminalProgress(System.err)).scan(request);
            ProbeOutcome outcome = result.step(ProbeOutcome.class).orElseThrow();
            AdversarialOutcome attacked = result.step(AdversarialOutcome.class).orElse(null);
            TextAttackResult textAttacked = result.step(TextAttackResult.class).orElse(null);
            StressOutcome stressOutcome = result.step(StressOutcome.class).orElse(null);
            List<ProbeSection> sections = new ArrayList<>();
            if (attacked != null) {
                sections.add(new ProbeSection("adversarial", AdversarialJson.adversarial(attacked), AdversarialHtml.section(attacked)));
            }
            if (textAttacked != null) {
                sections.add(new ProbeSection("text_adversarial", TextAttackJson.of(textAttacked), TextAttackHtml.section(textAttacked)));
            }
            if (stressOutcome != null) {
                sections.add(new ProbeSection("stress", StressJson.stress(stressOutcome), StressHtml.section(stressOutcome)));
            }
            ReportFiles written;
            try {
                written = ProbeReport.writeAll(result, outcome, run.out, sections);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report into " + run.out + ": " + e.getMessage(), e);
            }
            summary(result, outcome, written, log.location());
            if (attacked != null) {
                AdversarialSummary a = attacked.summary();
                System.out.printf("  adversarial: %d of %d rows flipped (%.1f%%), median distance %.3f, %.1f evaluations per row%n",
                        a.succeeded(), a.attempted(), 100 * a.successRate(), a.medianDistance(), a.meanEvaluations());
            }
            if (textAttacked != null) {
                System.out.printf("  text adversarial: %d of %d correctly predicted rows flipped (success rate %.4f), median %s words changed%n",
                        textAttacked.succeeded(), textAttacked.attacked(), textAttacked.successRate(),
                        dev.failforward.data.NumericColumn.format(textAttacked.medianWordsChanged()));
            }
            if (stressOutcome != null) {
                StressOptions.print(stressOutcome, System.out);
                if (stressOutcome.anyError()) {
                    return ExitCodes.PART_FAILED;
                }
            }
        }
        return ExitCodes.OK;
    }

    private static void summary(ScanResult r, ProbeOutcome o, ReportFiles written, String store) {
        var out = System.out;
        out.printf("Run %s: %s on %s (%s, target '%s')%n", r.run().id(), r.run().modelId(), r.run().data(),
                r.run().task().id(), r.run().target());
        boolean regression = !r.run().task().isClassification();
        out.printf("  %-24s %-8s %6s %10s %10s %10s %19s %9s%n", "probe", "expect", "level", regression ? "shift" : "flip rate",
                o.results().isEmpty() ? "metric" : o.results().get(0).metric(), "drop", "drop 95% CI", "failures");
        for (ProbeResult p : o.results()) {
            String ci = Double.isNaN(p.dropLow()) ? "" : String.format("[%.4f, %.4f]", p.dropLow(), p.dropHigh());
            out.printf("  %-24s %-8s %6.2f %10.4f %10.4f %10.4f %19s %9d%n", p.id(), p.expectation(), p.level(), p.flipRate(),
                    p.perturbed(), p.drop(), ci, p.failures());
        }
        long held = r.failures().stream().filter(f -> Holdout.ORIGIN.equals(f.origin())).count();
        out.println("  " + (r.failures().size() - held) + " probe failures, " + held + " holdout failures");
        out.println("  report:      " + written.html());
        out.println("  json:        " + written.json());
        out.println("  failure log: " + store + "  (failforward log list --run " + r.run().id() + " --origin 'probe:*')");
    }

    /** The suite's immutable columns are never changed by the adversarial search either. */
    private static AdversarialSettings withSuiteImmutables(AdversarialSettings attack, ProbeSuite suite) {
        if (attack == null || suite.immutable().isEmpty()) {
            return attack;
        }
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(attack.immutable());
        all.addAll(suite.immutable());
        return new AdversarialSettings(attack.budget(), attack.rows(), List.copyOf(all), attack.bounds(), attack.seed());
    }

    private static void checkOutputFolder(Path folder) {
        OutputFolder.check(folder);
    }
}
