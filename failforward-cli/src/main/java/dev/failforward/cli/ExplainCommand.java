package dev.failforward.cli;

import dev.failforward.data.ColumnType;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.explain.AttributionContrast;
import dev.failforward.explain.BackgroundSummary;
import dev.failforward.explain.ExplainRequest;
import dev.failforward.explain.Explainer;
import dev.failforward.explain.Explainers;
import dev.failforward.explain.Explanation;
import dev.failforward.explain.InputRows;
import dev.failforward.explain.SliceContrasts;
import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.log.FailureLog;
import dev.failforward.model.Model;
import dev.failforward.model.builtin.BoostedTribuoModel;
import dev.failforward.model.builtin.ModelFiles;
import dev.failforward.model.builtin.TextEncoder;
import dev.failforward.model.builtin.TribuoModel;
import dev.failforward.report.AtomicFiles;
import dev.failforward.report.ExplainedRun;
import dev.failforward.report.ExplanationsHtml;
import dev.failforward.run.Run;
import dev.failforward.scan.Holdout;
import dev.failforward.scan.TableFingerprint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * {@code failforward explain}: attributions for a run's failures with the model saved with the
 * run, stored in the failure log, and a page contrasting failures with correct predictions.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Explain a run's failures with attributions (TreeSHAP, KernelSHAP, LIME).",
        description = {"Explain a run's failures: attribute each failure's prediction to its input",
                "columns with the model saved with the run, and store the attributions in the",
                "failure log (see 'log show', 'log list --format jsonl'). Writes",
                "explanations.html; 'failforward report --run ID' then re-renders report.html",
                "with an Explanations section: mean |attribution| on failures against correct",
                "predictions, overall and in each weak slice, per-failure charts, and words",
                "highlighted for text inputs. Adds to a run; never creates one.", ""},
        footer = {"", "Examples:",
                "  failforward explain --run latest",
                "  failforward explain --run latest --failure RUN_ID-17 --top-features 5",
                "  failforward explain --run latest --method kernelshap --data churn.csv",
                "  failforward explain --run latest --method kernelshap --background kmeans",
                "  failforward explain --run 01JDA5KX3Q8R6T0Y7V9B4N1M3K   # a scan of --model xgboost:credit.json",
                "", "Methods: auto (treeshap for tree ensembles such as builtin:gbm, else",
                "kernelshap), treeshap (exact), kernelshap, permutation, lime. treeshap explains",
                "the margin (log-odds); the others the probability, or the value for regression.",
                "Correct predictions are explained for the contrast when the run's data is at",
                "hand: the bundled data for demo runs, else --data (the run's data file).",
                "A run of a model trained elsewhere re-opens it from where the run recorded it",
                "(file or URL, checked against its SHA-256) with the run's --model-config:",
                "treeshap for xgboost: files, kernelshap for onnx: and HTTP endpoints."})
public final class ExplainCommand implements Callable<Integer> {

    /** Correct predictions explained at most, for the contrast. */
    static final int CORRECT_SAMPLE = 1000;

    @Option(names = "--run", paramLabel = "RUN_ID|latest", required = true, description = "The run whose failures to explain.")
    String run;

    @Option(names = "--failure", paramLabel = "ID", description = "Explain only this failure.")
    String failure;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = Explainers.AUTO,
            description = "auto, treeshap, kernelshap, permutation or lime (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--top-features", paramLabel = "N", defaultValue = "10",
            description = "Attributions printed and charted per failure (default: ${DEFAULT-VALUE}); all are stored.")
    int topFeatures;

    @Option(names = "--data", paramLabel = "FILE",
            description = "The run's data file, to explain correct predictions too (demo runs use the bundled data).")
    Path data;

    @Option(names = "--background", paramLabel = "SUMMARY", defaultValue = "sample",
            description = "How kernelshap, permutation and lime summarise the background to at most 50 rows: sample (seeded) or kmeans "
                    + "(seeded k-means; each cluster's central row weighted by its size) (default: ${DEFAULT-VALUE}).")
    String backgroundSummary;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Threads (default: ${DEFAULT-VALUE}); results do not depend on it.")
    int threads;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed for sampling explainers and the correct-prediction sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "failforward-out",
            description = "Folder for explanations.html (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--model-config", paramLabel = "FILE",
            description = "For a run of a model trained elsewhere (xgboost:, onnx:, http…): its mapping file, when the one "
                    + "the run was scanned with has moved.")
    Path modelConfig;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        if (topFeatures < 1) {
            throw new UsageException("--top-features must be at least 1, got " + topFeatures);
        }
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, got " + threads);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file; expected a folder");
        }
        BackgroundSummary summary = BackgroundSummary.of(backgroundSummary);
        PrintStream stdout = System.out;
        try (FailureLog log = store.open()) {
            Run r = log.run(run).orElseThrow(() -> new UsageException(
                    "no run '" + run + "' in " + log.location() + "; see 'failforward log runs'"));
            if (r.modelPath() == null) {
                throw new UsageException("run " + r.id() + " saved no model, so it cannot be explained");
            }
            var external = RunModels.source(r);
            if (external.isEmpty() && modelConfig != null) {
                throw new UsageException("--model-config applies to runs of models trained elsewhere, not to " + r.modelId());
            }
            List<Failure> failures = log.failures(FailureFilter.ofRun(r.id()));
            if (failure != null) {
                failures = failures.stream().filter(f -> f.id().equals(failure)).toList();
                if (failures.isEmpty()) {
                    throw new UsageException("run " + r.id() + " has no failure '" + failure + "'; see 'failforward log list --run " + r.id() + "'");
                }
            }
            Model model;
            if (external.isPresent()) {
                if (failures.isEmpty()) {
                    stdout.println("Run " + r.id() + " has no failures to explain.");
                    return ExitCodes.OK;
                }
                model = RunModels.open(r, external.get(), modelConfig, InputRows.of("failures of run " + r.id(),
                        failures.stream().map(Failure::input).toList(), new ArrayList<>(failures.get(0).input().keySet())));
            } else {
                model = BoostedTribuoModel.explainable(ModelFiles.load(Path.of(r.modelPath())));
            }
            Explainer explainer = Explainers.choose(method, model);
            if (failures.isEmpty()) {
                stdout.println("Run " + r.id() + " has no failures to explain.");
                return ExitCodes.OK;
            }
            RunRows runRows = runRows(r, log);
            Table background = runRows == null ? null : runRows.correct();
            List<String> columns = inputColumns(model, failures, background);
            List<String> text = textColumns(model, failures, runRows, columns);
            Table rows = InputRows.asText(InputRows.of("failures of run " + r.id(), failures.stream().map(Failure::input).toList(), columns), text);
            TerminalProgress progress = new TerminalProgress(System.err);
            List<String> outputs = failures.stream().map(f -> r.task().isClassification() ? f.predicted() : null).toList();
            Table reference = background == null ? null : InputRows.asText(background.project(columns), text);
            List<Explanation> explained = explainer.explain(model, new ExplainRequest(rows, outputs, reference, seed, threads, progress, summary));
            Map<String, Explanation> byFailure = new LinkedHashMap<>();
            for (int i = 0; i < failures.size(); i++) {
                byFailure.put(failures.get(i).id(), explained.get(i));
            }
            List<Explanation> correct = List.of();
            if (reference != null && reference.rowCount() > 0) {
                List<String> predicted = predictedOf(model, reference);
                correct = explainer.explain(model, new ExplainRequest(reference, predicted, reference, seed, threads, progress, summary));
            }
            log.saveAttributions(r.id(), byFailure);
            AttributionContrast contrast = contrast(r, log, explainer.id(), failures, byFailure, correct, runRows, columns);
            log.saveContrast(r.id(), contrast);
            Path page = write(new ExplainedRun(r, explainer.id(), failures, byFailure, correct, topFeatures));
            summary(stdout, r, explainer, failures, byFailure, correct.size(), contrast, page, log.location());
        }
        return ExitCodes.OK;
    }

    /** Every column the model reads: the encoder's for built-in models, else the failures' input columns. */
    private static List<String> inputColumns(Model model, List<Failure> failures, Table background) {
        TribuoModel builtin = model instanceof BoostedTribuoModel b ? b.builtin() : model instanceof TribuoModel t ? t : null;
        if (builtin != null) {
            return builtin.encoder().inputColumns();
        }
        if (!failures.isEmpty()) {
            return new ArrayList<>(failures.get(0).input().keySet());
        }
        return background == null ? List.of() : background.columnNames();
    }

    /**
     * The input columns that are free text, whose words text explainers (lime) attribute to: text
     * columns of a built-in model's encoder or of the run's data, else columns whose stored values
     * read as text.
     */
    private static List<String> textColumns(Model model, List<Failure> failures, RunRows rows, List<String> columns) {
        TribuoModel builtin = model instanceof BoostedTribuoModel b ? b.builtin() : model instanceof TribuoModel t ? t : null;
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        if (builtin != null) {
            builtin.encoder().columns().stream().filter(c -> c instanceof TextEncoder).forEach(c -> out.add(c.column()));
        }
        if (rows != null) {
            rows.evaluated().columns().stream().filter(c -> c.type() == ColumnType.TEXT && columns.contains(c.name()))
                    .forEach(c -> out.add(c.name()));
        }
        if (builtin == null) {
            out.addAll(InputRows.textLike(failures.stream().map(Failure::input).toList(), columns));
        }
        return List.copyOf(out);
    }

    /** The predicted class of each row (null for regression), the output explained for correct predictions. */
    private static List<String> predictedOf(Model model, Table rows) {
        var p = model.predict(rows);
        List<String> out = new ArrayList<>(rows.rowCount());
        for (int i = 0; i < rows.rowCount(); i++) {
            out.add(p.isClassification() ? p.classes().get(p.predictedClass(i)) : null);
        }
        return out;
    }

    /**
     * The run's evaluated rows read from its data (keys are row indexes in the file) with their
     * failure flags, and a seeded sample of its correctly predicted rows; or null when the data
     * is not at hand. The file must be the run's data.
     */
    private RunRows runRows(Run r, FailureLog log) {
        Path file = data;
        boolean bundled = false;
        if (file == null) {
            if (!"demo".equals(r.kind()) || !DemoCommand.DATA.equals(r.data())) {
                return null;
            }
            file = DemoCommand.extract();
            bundled = true;
        }
        try {
            Table table = TableReaders.read(file, ReadOptions.DEFAULT);
            if (r.dataFingerprint() != null && !r.dataFingerprint().equals(TableFingerprint.of(table))) {
                throw new UsageException("--data " + file + " is not the data run " + r.id() + " was made from (its fingerprint differs)");
            }
            List<Integer> keys = new ArrayList<>();
            List<Integer> evaluated = new ArrayList<>();
            List<Boolean> failed = new ArrayList<>();
            for (PredictionRecord p : log.predictions(r.id())) {
                int k;
                try {
                    k = Integer.parseInt(p.rowKey());
                } catch (NumberFormatException | NullPointerException e) {
                    return null;
                }
                if (k < 0 || k >= table.rowCount()) {
                    continue;
                }
                evaluated.add(k);
                failed.add(p.failure());
                if (!p.failure()) {
                    keys.add(k);
                }
            }
            int[] chosen = sample(keys, CORRECT_SAMPLE, seed);
            boolean[] flags = new boolean[failed.size()];
            for (int i = 0; i < flags.length; i++) {
                flags[i] = failed.get(i);
            }
            return new RunRows(table.select(evaluated.stream().mapToInt(Integer::intValue).toArray()),
                    evaluated.stream().map(String::valueOf).toList(), flags, table.select(chosen),
                    Arrays.stream(chosen).mapToObj(String::valueOf).toList());
        } finally {
            if (bundled) {
                try {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(file.getParent());
                } catch (IOException ignored) {
                    // a temporary copy; the system cleans its temp folder
                }
            }
        }
    }

    /** The run's evaluated rows (keyed, with failure flags) and the sample of correct rows explained for the contrast. */
    private record RunRows(Table evaluated, List<String> keys, boolean[] failed, Table correct, List<String> correctKeys) {
    }

    /** Mean |attribution| on failures vs correct predictions, overall and inside each weak slice of the run's rows. */
    private static AttributionContrast contrast(Run r, FailureLog log, String method, List<Failure> failures,
                                                Map<String, Explanation> byFailure, List<Explanation> correct, RunRows rows,
                                                List<String> columns) {
        String scale = byFailure.values().stream().findFirst().map(Explanation::scale).orElse("output");
        List<AttributionContrast.Group> groups = new ArrayList<>();
        int size = rows == null ? r.predictionCount() : rows.keys().size();
        groups.add(AttributionContrast.Group.of(null, size, r.failureCount(), byFailure.values(), correct));
        if (rows != null && !correct.isEmpty()) {
            Map<String, List<Explanation>> failuresByKey = new LinkedHashMap<>();
            for (Failure f : failures) {
                if (Holdout.ORIGIN.equals(f.origin()) && f.rowKey() != null) {
                    failuresByKey.computeIfAbsent(f.rowKey(), k -> new ArrayList<>()).add(byFailure.get(f.id()));
                }
            }
            Map<String, Explanation> correctByKey = new LinkedHashMap<>();
            for (int i = 0; i < correct.size(); i++) {
                correctByKey.put(rows.correctKeys().get(i), correct.get(i));
            }
            groups.addAll(SliceContrasts.of(rows.evaluated().project(columns), rows.keys(), rows.failed(), failuresByKey, correctByKey));
        }
        return new AttributionContrast(method, scale, groups);
    }

    private static int[] sample(List<Integer> keys, int max, long seed) {
        int[] all = keys.stream().mapToInt(Integer::intValue).toArray();
        if (all.length > max) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < max; i++) {
                int j = i + random.nextInt(all.length - i);
                int t = all[i];
                all[i] = all[j];
                all[j] = t;
            }
            all = Arrays.copyOf(all, max);
        }
        Arrays.sort(all);
        return all;
    }

    private Path write(ExplainedRun x) {
        Path page = out.resolve(ExplanationsHtml.FILE_NAME);
        try {
            Files.createDirectories(out);
            AtomicFiles.write(page, ExplanationsHtml.render(x));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + page + ": " + e.getMessage(), e);
        }
        return page;
    }

    private void summary(PrintStream o, Run r, Explainer explainer, List<Failure> failures, Map<String, Explanation> byFailure,
                         int correct, AttributionContrast contrast, Path page, String location) {
        o.printf("Run %s: explained %d failure%s with %s%s%n", r.id(), byFailure.size(), byFailure.size() == 1 ? "" : "s",
                explainer.id(), correct > 0 ? " (and " + correct + " correct predictions for contrast)" : "");
        Map<String, Double> mean = ExplainedRun.meanAbsolute(byFailure.values());
        List<Map.Entry<String, Double>> top = mean.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(topFeatures).toList();
        if (!top.isEmpty()) {
            o.println("  mean |attribution| on failures:");
            for (Map.Entry<String, Double> e : top) {
                o.printf("    %-28s %.4f%n", Text.clip(e.getKey(), 28), e.getValue());
            }
        }
        for (AttributionContrast.Group g : contrast.slices()) {
            o.printf("  weak slice %s: %d of %d rows failed; top feature on its failures: %s%n", g.slice(), g.errors(), g.size(),
                    g.onFailures().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("-"));
        }
        if (failures.size() == 1) {
            LogShowCommand.printAttributions(o, byFailure.get(failures.get(0).id()), topFeatures);
        }
        o.println("  stored in:   " + location + "  (failforward log show " + failures.get(0).id() + ")");
        o.println("  page:        " + page);
        o.println("  report:      failforward report --run " + r.id() + "  (report.html with an Explanations section)");
    }
}
