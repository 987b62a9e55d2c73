package dev.failforward.cli;

import dev.failforward.compare.CompareInput;
import dev.failforward.compare.CompareSettings;
import dev.failforward.compare.CompareWriter;
import dev.failforward.compare.Comparer;
import dev.failforward.compare.Comparison;
import dev.failforward.compare.PairedBootstrap;
import dev.failforward.compare.Policy;
import dev.failforward.compare.PolicyFile;
import dev.failforward.compare.Side;
import dev.failforward.compare.Verdict;
import dev.failforward.data.ColumnType;
import dev.failforward.data.DataException;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.failure.Judge;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.log.FailureLog;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Predictions;
import dev.failforward.model.Task;
import dev.failforward.model.builtin.ModelFiles;
import dev.failforward.progress.Progress;
import dev.failforward.run.Run;
import dev.failforward.run.RunHeader;
import dev.failforward.scan.Holdout;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import dev.failforward.scan.TableFingerprint;
import dev.failforward.scan.TrainingOverlap;
import dev.failforward.session.RunSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code failforward compare}: is the candidate better than the baseline, where is it worse, and may it ship? */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Compare a candidate model with a baseline, per slice, and gate the deployment.",
        description = {"Compare a candidate model with a baseline on the same test rows: metrics with paired bootstrap",
                "intervals, McNemar and DeLong tests, per-slice deltas with Benjamini-Hochberg correction, the failure",
                "diff by row; then gate the deployment on a policy.", ""},
        footer = {"", "Examples:",
                "  failforward compare --train train.csv --data test.csv --target churn \\",
                "      --baseline builtin:logistic --candidate builtin:gbm",
                "  failforward compare --data test.csv --target churn \\",
                "      --baseline builtin:gbm --baseline-train train_v1.csv \\",
                "      --candidate builtin:gbm --candidate-train train_v2.csv \\",
                "      --policy gate.yaml --group contract",
                "  failforward compare --data test.csv --target species --no-reference \\",
                "      --baseline xgboost:iris.json --candidate onnx:iris.onnx --candidate-config iris.config.json",
                "  failforward compare --baseline-run 01JD3X5W2Q8R6T0Y7V9B4N1M3K \\",
                "      --candidate-run latest --data test.csv --target churn",
                "", "Writes compare.json, compare.html, compare.md and compare-junit.xml to",
                "--out, and records the run (kind 'compare': the candidate's predictions)",
                "in --store.",
                "Exit codes: 0 the policy passes, 1 it blocks (one reason per line), 2 bad input."})
public final class CompareCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "FILE", description = "Test rows both models are scored on (all rows; no split).")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", description = "The column to predict (required with --data).")
    String target;

    @Option(names = "--baseline", paramLabel = "MODEL", description = "Baseline model: a built-in id (builtin:gbm, ...), a saved model file, "
            + "or a model trained elsewhere (xgboost:PATH, onnx:PATH, http(s)://…; scored without training).")
    String baseline;

    @Option(names = "--candidate", paramLabel = "MODEL", description = "Candidate model: a built-in id, a saved model file or a model trained elsewhere.")
    String candidate;

    @Option(names = "--baseline-config", paramLabel = "FILE", description = "Mapping file (as scan's --model-config) of a baseline trained elsewhere.")
    Path baselineConfig;

    @Option(names = "--candidate-config", paramLabel = "FILE", description = "Mapping file (as scan's --model-config) of a candidate trained elsewhere.")
    Path candidateConfig;

    @Option(names = "--train", paramLabel = "FILE", description = "Training data for both built-in models.")
    Path train;

    @Option(names = "--baseline-train", paramLabel = "FILE", description = "Training data of the baseline (instead of --train).")
    Path baselineTrain;

    @Option(names = "--candidate-train", paramLabel = "FILE", description = "Training data of the candidate (instead of --train).")
    Path candidateTrain;

    @Option(names = "--baseline-run", paramLabel = "RUN_ID", description = "Compare stored runs instead: the baseline run's predictions ('latest' allowed).")
    String baselineRun;

    @Option(names = "--candidate-run", paramLabel = "RUN_ID", description = "The candidate run's stored predictions.")
    String candidateRun;

    @Option(names = "--policy", paramLabel = "FILE", description = "Gate policy (YAML). Default: the primary metric must not drop significantly and no slice of 100+ rows may lose more than 5 points significantly.")
    Path policy;

    @Option(names = "--group", paramLabel = "COL", split = ",", description = "Columns whose every value is reported as a slice, comma-separated.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--no-reference", description = "Leave out the reference models (prior predictor and builtin:logistic).")
    boolean noReference;

    @Option(names = "--allow-training-rows", description = "Compare and gate even when the evaluated rows are largely the models' "
            + "training rows (by default that is refused: such a comparison measures memory, not skill).")
    boolean allowTrainingRows;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "" + PairedBootstrap.DEFAULT_RESAMPLES,
            description = "Paired bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--task", paramLabel = "TASK", description = "binary_classification, multiclass_classification or regression (default: inferred).")
    String task;

    @Option(names = "--id", paramLabel = "COLUMN", description = "Column whose values are the row keys (default: the row index in the file, from 0).")
    String id;

    @Option(names = "--ignore", paramLabel = "COL", split = ",", description = "Columns the models must not use, comma-separated.")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--positive-class", paramLabel = "VALUE", description = "The positive class of a binary target.")
    String positiveClass;

    @Option(names = "--type", paramLabel = "COL=TYPE", description = "Override an inferred column type. Repeatable.")
    Map<String, String> types = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + ScanSpec.DEFAULT_SEED,
            description = "Seed for the models and the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "failforward-compare",
            description = "Folder for the outputs (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--store", paramLabel = "PATH|URL", defaultValue = Stores.DEFAULT,
            description = "Failure log: a SQLite file or a jdbc:postgresql:// URL (default: ${DEFAULT-VALUE}).")
    String store;

    @Spec
    CommandSpec spec;

    private static final String PRIOR = "prior";
    private static final String LOGISTIC = "builtin:logistic";

    @Override
    public Integer call() {
        boolean fromRuns = baselineRun != null || candidateRun != null;
        checkOptions(fromRuns);
        Progress progress = new TerminalProgress(System.err);
        ReadOptions read = readOptions();
        Table test = data == null ? null : TableReaders.read(data, read);
        if (test != null) {
            groups.forEach(test::column);
        }
        // Models are trained before the log is opened, so bad input leaves no store behind.
        Prepared trained = fromRuns ? null : fromModels(test, read, progress);
        try (FailureLog log = Stores.open(store)) {
            Prepared prepared = fromRuns ? fromRuns(log, test) : trained;
            Policy gate = policy == null ? Policy.defaults(prepared.input().target().task()) : PolicyFile.read(policy);
            CompareSettings settings = new CompareSettings(resamples, 0.95, seed, gate.sliceMinSize(), CompareSettings.DEFAULT_EXAMPLES);
            checkOutputFolder(out);
            Comparison comparison = new Comparer(progress).compare(prepared.input(), settings);
            Verdict verdict = gate.judge(comparison);
            String runId = store(log, prepared, comparison);
            CompareWriter.Files written = write(comparison, verdict, runId);
            print(comparison, verdict, runId, written, log.location());
            return verdict.blocked() ? ExitCodes.FAILED_CHECK : ExitCodes.OK;
        }
    }

    private void checkOptions(boolean fromRuns) {
        if (fromRuns) {
            if (baselineRun == null || candidateRun == null) {
                throw new UsageException("give both --baseline-run and --candidate-run");
            }
            if (baseline != null || candidate != null || train != null || baselineTrain != null || candidateTrain != null) {
                throw new UsageException("--baseline-run/--candidate-run compare stored predictions; leave out --baseline, --candidate and the training files");
            }
            if (data != null && target == null) {
                throw new UsageException("--data needs --target");
            }
            return;
        }
        if (data == null || target == null || baseline == null || candidate == null) {
            throw new UsageException("give --data, --target, --baseline and --candidate (or --baseline-run and --candidate-run)");
        }
        if (train != null && (baselineTrain != null || candidateTrain != null)) {
            throw new UsageException("give either --train or --baseline-train/--candidate-train, not both");
        }
        if (resamples < 1) {
            throw new UsageException("--resamples must be at least 1, got " + resamples);
        }
    }

    private ReadOptions readOptions() {
        Map<String, ColumnType> parsed = new LinkedHashMap<>();
        types.forEach((column, type) -> parsed.put(column, ColumnType.parse(type)));
        return new ReadOptions(parsed);
    }

    private ScanSpec scanSpec() {
        return new ScanSpec(target, task == null ? null : Task.parse(task), positiveClass, id, ignore,
                ScanSpec.DEFAULT_TEST_FRACTION, seed);
    }

    /** The input of a comparison and what the compare run records. */
    private record Prepared(CompareInput input, String dataFingerprint, ScanData rows) {
    }

    private Prepared fromModels(Table test, ReadOptions read, Progress progress) {
        Path baseTrainFile = baselineTrain != null ? baselineTrain : train;
        Path candTrainFile = candidateTrain != null ? candidateTrain : train;
        boolean baseBuiltin = !isModelFile(baseline) && ExternalSide.source(baseline).isEmpty();
        boolean candBuiltin = !isModelFile(candidate) && ExternalSide.source(candidate).isEmpty();
        if (baselineConfig != null && ExternalSide.source(baseline).isEmpty()
                || candidateConfig != null && ExternalSide.source(candidate).isEmpty()) {
            throw new UsageException("--baseline-config and --candidate-config apply to models trained elsewhere (xgboost:…, onnx:…, http…)");
        }
        if (baseBuiltin) {
            ModelProviders.find(baseline);
        }
        if (candBuiltin) {
            ModelProviders.find(candidate);
        }
        if (baseBuiltin && baseTrainFile == null || candBuiltin && candTrainFile == null) {
            throw new UsageException("built-in models need training data: give --train, or --baseline-train and --candidate-train");
        }
        if (!noReference && baseTrainFile == null) {
            throw new UsageException("the reference models are trained on the baseline's training data; give --train or --baseline-train, or --no-reference");
        }
        if (policy != null) {
            PolicyFile.read(policy);
        }
        Table baseTable = baseTrainFile == null ? null : TableReaders.read(baseTrainFile, read);
        Table candTable = candTrainFile == null ? null : TableReaders.read(candTrainFile, read);
        ScanSpec s = scanSpec();
        ScanData baseData = ScanData.prepare(baseTable == null ? test : baseTable, test, s);
        ScanData candData = ScanData.prepare(candTable == null ? test : candTable, test, s);
        if (!baseData.target().equals(candData.target())) {
            throw new DataException(candTrainFile + ": the target's classes " + candData.target().classes()
                    + " differ from the baseline's " + baseData.target().classes());
        }
        checkNotTrainingRows("baseline", baseTrainFile, baseData);
        if (candTrainFile != null && !candTrainFile.equals(baseTrainFile)) {
            checkNotTrainingRows("candidate", candTrainFile, candData);
        }
        if (baseData.droppedRows() > 0) {
            System.err.println("note: rows without a value in '" + target + "' were left out");
        }
        Side base = side("baseline", baseline, baseTrainFile, baseTable, baseData, progress);
        Side cand = side("candidate", candidate, candTrainFile, candTable, candData, progress);
        List<Side> references = new ArrayList<>();
        if (!noReference) {
            references.add(new Side("reference", PRIOR, baseTrainFile.getFileName().toString(), TableFingerprint.of(baseTable),
                    null, null, prior(baseData)));
            Model logistic = ModelProviders.find(LOGISTIC).trainer().train(baseData.train(), baseData.target(), seed, progress);
            references.add(new Side("reference", LOGISTIC, baseTrainFile.getFileName().toString(), TableFingerprint.of(baseTable),
                    logistic.fingerprint(), null, logistic.predict(baseData.test())));
        }
        CompareInput input = new CompareInput(baseData.target(), baseData.testKeys(), labels(baseData), values(baseData),
                baseData.test(), base, cand, references, groups, data.getFileName().toString());
        return new Prepared(input, TableFingerprint.of(test), baseData);
    }

    /**
     * Refuses (unless {@code --allow-training-rows}) to compare on rows a built-in model is trained on:
     * both models would be scored on what they memorised, and the more flexible one would win the gate.
     */
    private void checkNotTrainingRows(String role, Path trainFile, ScanData prepared) {
        if (trainFile == null) {
            return;
        }
        TrainingOverlap overlap = TrainingOverlap.of(prepared.train(), prepared.test());
        if (!overlap.largely()) {
            return;
        }
        String what = "--data " + data + " holds the training rows of the " + role + ": " + overlap.describe() + " ("
                + trainFile + "). Scored on the rows they were trained on, models show what they remember, not how they do"
                + " on new data";
        if (!allowTrainingRows) {
            throw new UsageException(what + "; give held-out rows as --data, or --allow-training-rows to compare and gate anyway");
        }
        System.err.println("WARNING: " + what + "; compared and gated anyway (--allow-training-rows)");
    }

    private static boolean isModelFile(String model) {
        return !model.startsWith("builtin:") && Files.isRegularFile(Path.of(model));
    }

    private Side side(String role, String model, Path trainFile, Table trainTable, ScanData prepared, Progress progress) {
        var external = ExternalSide.source(model);
        if (external.isPresent()) {
            progress.start("Scoring with the " + role + " (" + model + ")", 1);
            ExternalSide scored = ExternalSide.score(role, external.get(), model, role.equals("baseline") ? baselineConfig : candidateConfig,
                    prepared.target(), prepared.test());
            progress.finish();
            return new Side(role, model, null, null, scored.fingerprint(), null, scored.predictions());
        }
        Model m;
        if (isModelFile(model)) {
            m = ModelFiles.load(Path.of(model));
            if (!m.target().equals(prepared.target())) {
                throw new DataException(model + ": the model predicts " + m.target().column() + " with classes "
                        + m.target().classes() + ", not " + prepared.target().column() + " with " + prepared.target().classes());
            }
        } else {
            progress.start("Training the " + role + " (" + model + ")", 1);
            m = ModelProviders.find(model).trainer().train(prepared.train(), prepared.target(), seed, progress);
            progress.finish();
        }
        return new Side(role, model, trainFile == null ? null : trainFile.getFileName().toString(),
                trainTable == null ? null : TableFingerprint.of(trainTable), m.fingerprint(), null, m.predict(prepared.test()));
    }

    private static Predictions prior(ScanData d) {
        int n = d.test().rowCount();
        if (!d.target().task().isClassification()) {
            double mean = java.util.Arrays.stream(ScanData.values(d.train(), d.target())).average().orElse(0);
            double[] v = new double[n];
            java.util.Arrays.fill(v, mean);
            return Predictions.ofValues(v);
        }
        int k = d.target().classCount();
        double[] share = new double[k];
        for (int label : ScanData.labels(d.train(), d.target())) {
            share[label]++;
        }
        double total = d.train().rowCount();
        double[] probs = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                probs[i * k + c] = share[c] / total;
            }
        }
        return Predictions.ofProbabilities(d.target().classes(), probs);
    }

    private static int[] labels(ScanData d) {
        return d.target().task().isClassification() ? ScanData.labels(d.test(), d.target()) : null;
    }

    private static double[] values(ScanData d) {
        return d.target().task().isClassification() ? null : ScanData.values(d.test(), d.target());
    }

    private Prepared fromRuns(FailureLog log, Table test) {
        Run a = log.run(baselineRun).orElseThrow(() -> new UsageException("no run '" + baselineRun + "' in " + log.location()));
        Run b = log.run(candidateRun).orElseThrow(() -> new UsageException("no run '" + candidateRun + "' in " + log.location()));
        if (a.task() != b.task() || !a.classes().equals(b.classes()) || !a.target().equals(b.target())) {
            throw new UsageException("runs " + a.id() + " and " + b.id() + " predict different things ("
                    + a.target() + " " + a.classes() + " vs " + b.target() + " " + b.classes() + ")");
        }
        if (test != null && !target.equals(a.target())) {
            throw new UsageException("--target " + target + " differs from the runs' target " + a.target());
        }
        if (policy != null) {
            PolicyFile.read(policy);
        }
        Map<String, PredictionRecord> candidateByKey = new HashMap<>();
        for (PredictionRecord r : log.predictions(b.id())) {
            candidateByKey.put(r.rowKey(), r);
        }
        ScanData rows = test == null ? null : ScanData.prepare(test, test, scanSpec());
        Map<String, Integer> rowOf = new HashMap<>();
        if (rows != null) {
            for (int i = 0; i < rows.testKeys().size(); i++) {
                rowOf.put(rows.testKeys().get(i), i);
            }
        }
        List<PredictionRecord> base = new ArrayList<>();
        List<PredictionRecord> cand = new ArrayList<>();
        List<Integer> tableRows = new ArrayList<>();
        List<PredictionRecord> stored = log.predictions(a.id());
        for (PredictionRecord r : stored) {
            PredictionRecord c = candidateByKey.get(r.rowKey());
            Integer row = rowOf.get(r.rowKey());
            if (c != null && (rows == null || row != null)) {
                base.add(r);
                cand.add(c);
                if (row != null) {
                    tableRows.add(row);
                }
            }
        }
        if (base.isEmpty()) {
            throw new UsageException("runs " + a.id() + " and " + b.id() + " share no scored rows" + (rows == null ? "" : " with " + data));
        }
        if (base.size() < stored.size() || base.size() < candidateByKey.size()) {
            System.err.println("note: comparing the " + base.size() + " rows both runs scored (baseline " + stored.size()
                    + ", candidate " + candidateByKey.size() + ")");
        }
        dev.failforward.model.Target t = new dev.failforward.model.Target(a.target(), a.task(), a.classes());
        List<String> keys = base.stream().map(PredictionRecord::rowKey).toList();
        int[] labels = null;
        double[] values = null;
        if (a.task().isClassification()) {
            labels = base.stream().mapToInt(r -> a.classes().indexOf(r.expected())).toArray();
        } else {
            values = base.stream().mapToDouble(r -> Double.parseDouble(r.expected())).toArray();
        }
        Table table = rows == null ? null : rows.test().select(tableRows.stream().mapToInt(Integer::intValue).toArray());
        CompareInput input = new CompareInput(t, keys, labels, values, table, runSide("baseline", a, base),
                runSide("candidate", b, cand), List.of(), groups, a.data());
        return new Prepared(input, a.dataFingerprint(), null);
    }

    private static Side runSide(String role, Run run, List<PredictionRecord> records) {
        Predictions p;
        if (run.task().isClassification()) {
            int k = run.classes().size();
            double[] probs = new double[records.size() * k];
            for (int i = 0; i < records.size(); i++) {
                System.arraycopy(records.get(i).probabilities(), 0, probs, i * k, k);
            }
            p = Predictions.ofProbabilities(run.classes(), probs);
        } else {
            p = Predictions.ofValues(records.stream().mapToDouble(r -> r.prediction()).toArray());
        }
        return new Side(role, run.modelId(), run.data(), run.dataFingerprint(), run.modelFingerprint(), run.id(), p);
    }

    /** Records the compare as a run: the candidate's predictions on the compared rows. */
    private String store(FailureLog log, Prepared prepared, Comparison comparison) {
        CompareInput in = prepared.input();
        Map<String, String> options = GivenOptions.of(spec);
        options.put("baseline_model", comparison.baseline().modelId());
        RunHeader header = RunHeader.of("compare", in.target()).model(in.candidate().modelId())
                .modelFile(comparison.candidate().modelFingerprint(), null).data(comparison.data(), prepared.dataFingerprint())
                .seed(seed).options(options);
        RunSession session = RunSession.begin(log, header);
        if (in.rows() != null) {
            Holdout.Outcome outcome = Holdout.judge(session.id(), in.rows(), in.target(), in.rowKeys(), in.candidate().predictions());
            session.complete(null, null, outcome.evaluation().metrics(), outcome.predictions(), outcome.failures(), null);
        } else {
            List<PredictionRecord> records = recordsWithoutRows(in);
            session.completeCounted(comparison.candidate().metrics(), records,
                    (int) records.stream().filter(PredictionRecord::failure).count());
        }
        return session.id();
    }

    /** Prediction records of the candidate when the rows' inputs are unknown (comparing stored runs). */
    private static List<PredictionRecord> recordsWithoutRows(CompareInput in) {
        List<PredictionRecord> out = new ArrayList<>();
        Predictions p = in.candidate().predictions();
        for (int i = 0; i < in.size(); i++) {
            if (in.classification()) {
                int k = in.target().classCount();
                double[] probs = java.util.Arrays.copyOfRange(p.probabilities(), i * k, (i + 1) * k);
                int predicted = p.predictedClass(i);
                out.add(new PredictionRecord(in.rowKeys().get(i), in.target().classes().get(in.labels()[i]),
                        in.target().classes().get(predicted), probs, null,
                        Judge.logLoss(probs[in.labels()[i]]), predicted != in.labels()[i]));
            } else {
                double e = p.value(i) - in.values()[i];
                out.add(new PredictionRecord(in.rowKeys().get(i), dev.failforward.data.NumericColumn.format(in.values()[i]),
                        null, new double[0], p.value(i), e * e, false));
            }
        }
        return out;
    }

    private CompareWriter.Files write(Comparison comparison, Verdict verdict, String runId) {
        try {
            return CompareWriter.writeAll(comparison, verdict, runId, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the comparison into " + out + ": " + e.getMessage(), e);
        }
    }

    private static void checkOutputFolder(Path folder) {
        OutputFolder.check(folder);
    }

    private static void print(Comparison c, Verdict verdict, String runId, CompareWriter.Files written, String store) {
        System.out.print(dev.failforward.compare.CompareText.summary(c, verdict));
        System.out.println("  json:     " + written.json());
        System.out.println("  html:     " + written.html());
        System.out.println("  markdown: " + written.markdown());
        System.out.println("  junit:    " + written.junit());
        System.out.println("  run:      " + runId + " in " + store);
        if (verdict.blocked()) {
            System.out.println("BLOCKED by policy " + verdict.policy() + ":");
            verdict.reasons().forEach(r -> System.out.println("  " + r));
        } else {
            System.out.println("PASSED policy " + verdict.policy() + " (" + verdict.results().size() + " rules)");
        }
    }
}
