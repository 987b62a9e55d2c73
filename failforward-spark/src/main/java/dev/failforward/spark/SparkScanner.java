package dev.failforward.spark;

import dev.failforward.api.PublicApi;
import dev.failforward.data.ColumnParser;
import dev.failforward.data.ColumnType;
import dev.failforward.data.DataException;
import dev.failforward.data.NumericColumn;
import dev.failforward.detect.DetectorReport;
import dev.failforward.detect.DetectorResult;
import dev.failforward.detect.DetectorRunner;
import dev.failforward.detect.Finding;
import dev.failforward.detect.Slice;
import dev.failforward.detect.SliceSearch;
import dev.failforward.detect.WeakSliceDetector;
import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.Judge;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.log.FailureLog;
import dev.failforward.metric.Evaluation;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.Task;
import dev.failforward.run.Run;
import dev.failforward.run.RunHeader;
import dev.failforward.scan.Holdout;
import dev.failforward.scan.ScanData;
import dev.failforward.session.RunSession;
import dev.failforward.session.ScanResult;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The scan of a trained model over a Spark {@code Dataset<Row>}, stored and reported as a local scan
 * is. The run is begun in the failure log through a {@link RunSession}; the executors score the rows
 * in batches with the model loaded once per JVM and summarise them (confusion matrix, loss sums,
 * calibration bins, regression sums); the driver judges every prediction with {@link Holdout}'s rules
 * and {@link Judge}; a second pass counts the weak-slice candidates of one and two predicates per
 * partition and gathers the failed rows' inputs; deeper candidates are counted in one pass per level;
 * the run is completed with every prediction and failure in one transaction.
 */
@PublicApi
public final class SparkScanner {

    private final FailureLog log;

    public SparkScanner(FailureLog log) {
        this.log = log;
    }

    public SparkScanResult scan(Dataset<Row> data, SparkScanRequest request) {
        Map<String, Double> timings = new LinkedHashMap<>();
        long t = System.nanoTime();
        List<String> names = Arrays.asList(data.columns());
        check(names, request);
        List<ColumnSpec> columns = ColumnInference.infer(data);
        Object loaded = ModelCache.loaded(request.model());
        ColumnSpec targetSpec = columns.get(names.indexOf(request.target()));
        Target target = target(data, targetSpec, request, loaded);
        RowTables tables = new RowTables(request.dataName(), columns, request.target(), request.idColumn(), request.ignore());
        Scoring scoring = new Scoring(tables, target, request.model());
        t = lap(timings, "infer", t);

        String modelId = loaded instanceof ExternalModel e ? e.id() : ((Model) loaded).id();
        String fingerprint = loaded instanceof ExternalModel e ? e.fingerprint() : ((Model) loaded).fingerprint();
        String location = loaded instanceof ExternalModel e ? e.location() : Path.of(request.model()).toAbsolutePath().toString();
        Map<String, String> options = new LinkedHashMap<>(request.options());
        options.putIfAbsent("engine", "spark");
        options.putIfAbsent("master", data.sparkSession().sparkContext().master());
        RunHeader header = RunHeader.of("scan", target).model(modelId).data(request.dataName(), dataFingerprint(data))
                .seed(request.seed()).options(options).modelFile(fingerprint, location);
        RunSession session = RunSession.begin(log, header);

        int targetIndex = targetSpec.index();
        int batchRows = request.batchRows();
        JavaPairRDD<Row, Long> indexed = data.javaRDD().zipWithIndex();
        List<ScoredBatch> scored = indexed.mapPartitions(rows -> {
            Batches batches = new Batches(rows, targetIndex, batchRows);
            List<ScoredBatch> out = new ArrayList<>();
            while (batches.hasNext()) {
                Batches.Batch b = batches.next();
                if (!b.rows().isEmpty()) {
                    out.add(scoring.score(b));
                }
            }
            return out.iterator();
        }).collect();
        if (scored.isEmpty()) {
            throw new DataException(request.dataName() + ": column '" + request.target() + "' has no values; it cannot be the target");
        }
        t = lap(timings, "score", t);

        Judged judged = judge(scored, target, request.thresholds().judge());
        t = lap(timings, "judge", t);

        List<ColumnSpec> features = columns.stream().filter(c -> !c.name().equals(request.target())
                && !c.name().equals(request.idColumn()) && !request.ignore().contains(c.name()) && c.type() != ColumnType.TEXT).toList();
        FeatureCoding coding = request.weakSlices() ? coding(features, scored, request) : FeatureCoding.none();
        t = lap(timings, "bins", t);

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());
        Broadcast<long[]> failed = jsc.broadcast(judged.failedBits);
        SlicePass pass = new SlicePass(tables, coding);
        List<SlicePass.Counted> counted = indexed.mapPartitions(rows -> {
            Batches batches = new Batches(rows, targetIndex, batchRows);
            // One result per partition: its batches' counts added up, their failed rows' inputs in order.
            SlicePass.Counted partition = null;
            while (batches.hasNext()) {
                Batches.Batch b = batches.next();
                if (!b.rows().isEmpty()) {
                    SlicePass.Counted c = pass.count(b, failed.value());
                    partition = partition == null ? c : partition.merge(c);
                }
            }
            return (partition == null ? List.<SlicePass.Counted>of() : List.of(partition)).iterator();
        }).collect();
        Map<Long, Map<String, Object>> inputs = new HashMap<>();
        SliceCounts counts = new SliceCounts(coding);
        for (SlicePass.Counted c : counted) {
            counts.merge(c.counts());
            for (int i = 0; i < c.failedIndex().length; i++) {
                inputs.put(c.failedIndex()[i], c.inputs().get(i));
            }
        }
        List<Failure> failures = failures(session.id(), judged, inputs, target, request.thresholds().judge());
        t = lap(timings, "slice-counts", t);

        List<DetectorResult> detectors = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        if (request.weakSlices()) {
            long started = System.currentTimeMillis();
            int n = judged.records.size();
            SliceSearch.Result result = SliceCountSearch.search(counts, n, failures.size(),
                    WeakSlices.settings(request.thresholds(), n), (fs, ls) -> {
                        long[][] sum = indexed.mapPartitions(rows -> {
                            Batches batches = new Batches(rows, targetIndex, batchRows);
                            long[][] part = new long[fs.size()][2];
                            while (batches.hasNext()) {
                                Batches.Batch b = batches.next();
                                if (!b.rows().isEmpty()) {
                                    add(part, pass.countDeeper(b, failed.value(), fs, ls));
                                }
                            }
                            return List.<long[][]>of(part).iterator();
                        }).reduce((a, b) -> add(a, b));
                        int[][] out = new int[fs.size()][];
                        for (int c = 0; c < out.length; c++) {
                            out[c] = new int[]{(int) sum[c][0], (int) sum[c][1]};
                        }
                        return out;
                    });
            List<Slice> significant = WeakSlices.significant(result, request.thresholds());
            List<List<String>> rows = significant.isEmpty() ? List.of() : sliceRows(indexed, pass, scoring, significant, targetIndex, batchRows);
            WeakSlices.Outcome outcome = WeakSlices.outcome(result, coding, request.thresholds(), rows,
                    System.currentTimeMillis() - started);
            detectors.add(outcome.result());
            findings.addAll(outcome.findings());
            findings.sort(Comparator.comparing(Finding::severity).reversed());
            failures = DetectorRunner.tag(failures, findings);
            t = lap(timings, "weak-slice", t);
        }
        failed.destroy();

        Run done = session.complete(fingerprint, location, judged.evaluation.metrics(), judged.records, failures, null);
        if (!detectors.isEmpty()) {
            log.saveDetections(done.id(), new DetectorReport(detectors, findings));
        }
        lap(timings, "store", t);
        return new SparkScanResult(new ScanResult(done, judged.evaluation, judged.records, failures, detectors, findings), timings);
    }

    private static void check(List<String> names, SparkScanRequest request) {
        List<String> needed = new ArrayList<>();
        needed.add(request.target());
        if (request.idColumn() != null) {
            needed.add(request.idColumn());
        }
        needed.addAll(request.ignore());
        for (String name : needed) {
            if (!names.contains(name)) {
                throw new DataException(request.dataName() + ": no column '" + name + "'; columns are " + String.join(", ", names));
            }
        }
        if (request.ignore().contains(request.target())) {
            throw new DataException("the target column '" + request.target() + "' cannot also be ignored");
        }
    }

    /** The target as the model sees it: its task and classes, else the task and sorted classes of the data (as a local scan). */
    private static Target target(Dataset<Row> data, ColumnSpec column, SparkScanRequest request, Object loaded) {
        if (loaded instanceof Model model) {
            return new Target(request.target(), model.target().task(), model.target().classes());
        }
        ExternalModel external = (ExternalModel) loaded;
        Task task = external.task();
        if (task == Task.REGRESSION || (task == null && column.type() == ColumnType.NUMERIC
                && distinctTargets(data, column, ScanData.MAX_CLASSES_FOR_NUMERIC_TARGET + 1).size() > ScanData.MAX_CLASSES_FOR_NUMERIC_TARGET)) {
            if (column.type() != ColumnType.NUMERIC) {
                throw new DataException(request.dataName() + ": column '" + request.target() + "' is " + column.type().id()
                        + "; the model does regression, which needs a numeric target");
            }
            return new Target(request.target(), Task.REGRESSION, List.of());
        }
        if (!external.classes().isEmpty()) {
            return new Target(request.target(), task == null ? Task.BINARY_CLASSIFICATION : task, external.classes());
        }
        List<String> classes = new ArrayList<>(distinctTargets(data, column, Integer.MAX_VALUE));
        if (column.type() == ColumnType.NUMERIC) {
            classes.sort(Comparator.comparingDouble(Double::parseDouble));
        }
        int expected = task == Task.BINARY_CLASSIFICATION ? 2 : external.classCount();
        if (expected > 0 && classes.size() != expected) {
            throw new DataException(request.dataName() + ": column '" + request.target() + "' has " + classes.size()
                    + " classes " + classes + " but the model predicts " + expected);
        }
        if (classes.size() < 2) {
            throw new DataException(request.dataName() + ": column '" + request.target() + "' has fewer than two classes " + classes);
        }
        Task inferred = task != null ? task : classes.size() == 2 ? Task.BINARY_CLASSIFICATION : Task.MULTICLASS_CLASSIFICATION;
        return new Target(request.target(), inferred, classes);
    }

    /** The target's distinct values as the tables hold them (numbers formatted as {@link NumericColumn} does), at most {@code max}. */
    private static TreeSet<String> distinctTargets(Dataset<Row> data, ColumnSpec column, int max) {
        TreeSet<String> out = new TreeSet<>();
        data.select(data.col("`" + column.name() + "`")).distinct().toLocalIterator().forEachRemaining(r -> {
            if (out.size() > max || r.isNullAt(0)) {
                return;
            }
            String raw = r.get(0).toString();
            if (ColumnParser.isMissing(raw)) {
                return;
            }
            if (column.type() == ColumnType.NUMERIC) {
                double v = r.get(0) instanceof Number num ? num.doubleValue() : Double.parseDouble(raw.trim());
                out.add(NumericColumn.format(v));
            } else {
                out.add(raw.trim());
            }
        });
        return out;
    }

    /** Every prediction judged, in dataset order, and the evaluation from the merged summaries. */
    private record Judged(List<PredictionRecord> records, long[] index, double[] outputs, Evaluation evaluation,
                          long[] failedBits) {
    }

    private static Judged judge(List<ScoredBatch> scored, Target target, Judge judge) {
        int n = scored.stream().mapToInt(ScoredBatch::rows).sum();
        long[] index = new long[n];
        List<PredictionRecord> records = new ArrayList<>(n);
        long maxIndex = 0;
        for (ScoredBatch b : scored) {
            maxIndex = Math.max(maxIndex, b.index()[b.rows() - 1]);
        }
        long[] bits = new long[(int) ((maxIndex + 64) >>> 6)];
        boolean classification = target.task().isClassification();
        int k = target.classCount();
        double[] outputs = new double[classification ? n * k : n];
        int[] truth = classification ? new int[n] : null;
        double[] truthValues = classification ? null : new double[n];
        int at = 0;
        for (ScoredBatch b : scored) {
            System.arraycopy(b.index(), 0, index, at, b.rows());
            if (classification) {
                System.arraycopy(b.truth(), 0, truth, at, b.rows());
                System.arraycopy(b.outputs(), 0, outputs, at * k, b.rows() * k);
            } else {
                System.arraycopy(b.truthValues(), 0, truthValues, at, b.rows());
                System.arraycopy(b.outputs(), 0, outputs, at, b.rows());
            }
            at += b.rows();
        }
        Evaluation evaluation;
        String[] keys = new String[n];
        at = 0;
        for (ScoredBatch b : scored) {
            System.arraycopy(b.keys(), 0, keys, at, b.rows());
            at += b.rows();
        }
        if (classification) {
            ClassificationSummary s = new ClassificationSummary(k);
            scored.forEach(b -> s.merge(b.classification()));
            evaluation = Evaluations.classification(s, target.classes(), outputs, truth);
            Predictions p = Predictions.ofProbabilities(target.classes(), outputs);
            for (int i = 0; i < n; i++) {
                int predicted = p.predictedClass(i);
                double[] probs = Arrays.copyOfRange(outputs, i * k, (i + 1) * k);
                boolean wrong = predicted != truth[i];
                records.add(new PredictionRecord(keys[i], target.classes().get(truth[i]), target.classes().get(predicted),
                        probs, null, Judge.logLoss(probs[truth[i]]), wrong));
                if (wrong) {
                    bits[(int) (index[i] >>> 6)] |= 1L << index[i];
                }
            }
        } else {
            RegressionSummary s = new RegressionSummary();
            scored.forEach(b -> s.merge(b.regression()));
            evaluation = Evaluations.regression(s);
            double[] error = new double[n];
            for (int i = 0; i < n; i++) {
                error[i] = Math.abs(outputs[i] - truthValues[i]);
            }
            double threshold = quantile(error, Holdout.REGRESSION_FAILURE_QUANTILE);
            for (int i = 0; i < n; i++) {
                boolean wrong = error[i] > threshold;
                records.add(new PredictionRecord(keys[i], NumericColumn.format(truthValues[i]), NumericColumn.format(outputs[i]),
                        new double[0], outputs[i], error[i], wrong));
                if (wrong) {
                    bits[(int) (index[i] >>> 6)] |= 1L << index[i];
                }
            }
        }
        return new Judged(records, index, outputs, evaluation, bits);
    }

    /** The failures in row order, numbered and tagged as {@link Holdout} does, with their inputs from the second pass. */
    private static List<Failure> failures(String runId, Judged judged, Map<Long, Map<String, Object>> inputs, Target target,
                                          Judge judge) {
        List<Failure> out = new ArrayList<>();
        int k = target.classCount();
        for (int i = 0; i < judged.records.size(); i++) {
            PredictionRecord r = judged.records.get(i);
            if (!r.failure()) {
                continue;
            }
            Map<String, Object> input = inputs.get(judged.index[i]);
            String fingerprint = Fingerprints.failure(r.rowKey(), input, Holdout.ORIGIN, Map.of());
            String id = runId + "-" + (out.size() + 1);
            if (target.task().isClassification()) {
                Map<String, Double> byClass = new LinkedHashMap<>();
                for (int c = 0; c < k; c++) {
                    byClass.put(target.classes().get(c), r.probabilities()[c]);
                }
                double confidence = r.probabilities()[target.classes().indexOf(r.predicted())];
                out.add(new Failure(id, runId, r.rowKey(), Holdout.ORIGIN, input, r.expected(), r.predicted(), byClass, null,
                        confidence, r.loss(), judge.tags(confidence), fingerprint));
            } else {
                out.add(new Failure(id, runId, r.rowKey(), Holdout.ORIGIN, input, r.expected(), r.predicted(), Map.of(),
                        r.prediction(), null, r.loss(), List.of(), fingerprint));
            }
        }
        return out;
    }

    private static FeatureCoding coding(List<ColumnSpec> features, List<ScoredBatch> scored, SparkScanRequest request) {
        int numeric = (int) features.stream().filter(f -> f.type() == ColumnType.NUMERIC).count();
        int n = scored.stream().mapToInt(ScoredBatch::rows).sum();
        List<double[]> values = new ArrayList<>();
        for (int j = 0; j < numeric; j++) {
            double[] all = new double[n];
            int at = 0;
            for (ScoredBatch b : scored) {
                System.arraycopy(b.numericValues()[j], 0, all, at, b.rows());
                at += b.rows();
            }
            values.add(all);
        }
        boolean[] missing = new boolean[features.size() - numeric];
        for (ScoredBatch b : scored) {
            for (int j = 0; j < missing.length; j++) {
                missing[j] |= b.categoricalMissing()[j];
            }
        }
        return FeatureCoding.of(features, values, missing, request.thresholds().get(WeakSlices.DETECTOR, WeakSliceDetector.BINS));
    }

    private static List<List<String>> sliceRows(JavaPairRDD<Row, Long> indexed, SlicePass pass, Scoring scoring,
                                                List<Slice> slices, int targetIndex, int batchRows) {
        List<int[]> fs = slices.stream().map(Slice::features).toList();
        List<int[]> ls = slices.stream().map(Slice::levels).toList();
        List<List<List<String>>> parts = indexed.mapPartitions(rows -> {
            Batches batches = new Batches(rows, targetIndex, batchRows);
            List<List<List<String>>> out = new ArrayList<>();
            while (batches.hasNext()) {
                Batches.Batch b = batches.next();
                if (!b.rows().isEmpty()) {
                    out.add(pass.rows(b, scoring, fs, ls));
                }
            }
            return out.iterator();
        }).collect();
        List<List<String>> out = new ArrayList<>();
        for (int s = 0; s < slices.size(); s++) {
            List<String> keys = new ArrayList<>();
            for (List<List<String>> part : parts) {
                keys.addAll(part.get(s));
            }
            out.add(keys);
        }
        return out;
    }

    private static long[][] add(long[][] a, long[][] b) {
        for (int i = 0; i < a.length; i++) {
            a[i][0] += b[i][0];
            a[i][1] += b[i][1];
        }
        return a;
    }

    /** The q-quantile with linear interpolation between order statistics, as {@link Holdout} does. */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    /** The dataset's files and schema, hashed: the data fingerprint recorded with the run. */
    private static String dataFingerprint(Dataset<Row> data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String[] files = data.inputFiles().clone();
            Arrays.sort(files);
            for (String f : files) {
                sha.update(f.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            sha.update(data.schema().json().getBytes(StandardCharsets.UTF_8));
            return "spark:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long lap(Map<String, Double> timings, String phase, long since) {
        long now = System.nanoTime();
        timings.put(phase, (now - since) / 1e9);
        return now;
    }
}
