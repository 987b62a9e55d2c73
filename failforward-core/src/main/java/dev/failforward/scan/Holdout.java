package dev.failforward.scan;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.Judge;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.metric.Evaluation;
import dev.failforward.metric.Metrics;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges predictions on held-out rows: metrics, one record per prediction, and the failures.
 * A classification failure is a wrong class; a regression failure is an absolute error above the
 * run's {@value #REGRESSION_FAILURE_QUANTILE} quantile of absolute errors.
 */
public final class Holdout {

    public static final String ORIGIN = "holdout";
    public static final double REGRESSION_FAILURE_QUANTILE = 0.9;

    private Holdout() {
    }

    public record Outcome(Evaluation evaluation, List<PredictionRecord> predictions, List<Failure> failures) {
    }

    /** Judged with the default thresholds ({@link Judge#DEFAULT}). */
    public static Outcome judge(String runId, Table test, Target target, List<String> keys, Predictions p) {
        return judge(runId, test, target, keys, p, Judge.DEFAULT);
    }

    public static Outcome judge(String runId, Table test, Target target, List<String> keys, Predictions p, Judge judge) {
        if (p.rows() != test.rowCount()) {
            throw new IllegalStateException("the model returned " + p.rows() + " predictions for " + test.rowCount() + " rows");
        }
        List<Column> inputColumns = test.columns().stream().filter(c -> test.role(c.name()) != ColumnRole.TARGET).toList();
        List<PredictionRecord> records = new ArrayList<>(test.rowCount());
        List<Failure> failures = new ArrayList<>();
        Evaluation evaluation;
        if (target.task().isClassification()) {
            int[] truth = ScanData.labels(test, target);
            evaluation = Metrics.classification(p, truth);
            int k = target.classCount();
            for (int i = 0; i < truth.length; i++) {
                int predicted = p.predictedClass(i);
                double[] probs = Arrays.copyOfRange(p.probabilities(), i * k, (i + 1) * k);
                double loss = Judge.logLoss(probs[truth[i]]);
                boolean failed = predicted != truth[i];
                String expected = target.classes().get(truth[i]);
                String predictedLabel = target.classes().get(predicted);
                records.add(new PredictionRecord(keys.get(i), expected, predictedLabel, probs, null, loss, failed));
                if (failed) {
                    Map<String, Double> byClass = new LinkedHashMap<>();
                    for (int c = 0; c < k; c++) {
                        byClass.put(target.classes().get(c), probs[c]);
                    }
                    double confidence = probs[predicted];
                    List<String> tags = judge.tags(confidence);
                    failures.add(failure(runId, failures.size() + 1, keys.get(i), input(inputColumns, i), expected,
                            predictedLabel, byClass, null, confidence, loss, tags));
                }
            }
        } else {
            double[] truth = ScanData.values(test, target);
            evaluation = Metrics.regression(p, truth);
            double[] error = new double[truth.length];
            for (int i = 0; i < truth.length; i++) {
                error[i] = Math.abs(p.value(i) - truth[i]);
            }
            double threshold = quantile(error, REGRESSION_FAILURE_QUANTILE);
            for (int i = 0; i < truth.length; i++) {
                boolean failed = error[i] > threshold;
                String expected = NumericColumn.format(truth[i]);
                String predicted = NumericColumn.format(p.value(i));
                records.add(new PredictionRecord(keys.get(i), expected, predicted, new double[0], p.value(i), error[i], failed));
                if (failed) {
                    failures.add(failure(runId, failures.size() + 1, keys.get(i), input(inputColumns, i), expected,
                            predicted, Map.of(), p.value(i), null, error[i], List.of()));
                }
            }
        }
        return new Outcome(evaluation, records, failures);
    }

    private static Failure failure(String runId, int number, String key, Map<String, Object> input, String expected,
                                   String predicted, Map<String, Double> probabilities, Double prediction,
                                   Double confidence, double loss, List<String> tags) {
        String fingerprint = Fingerprints.failure(key, input, ORIGIN, Map.of());
        return new Failure(runId + "-" + number, runId, key, ORIGIN, input, expected, predicted, probabilities,
                prediction, confidence, loss, tags, fingerprint);
    }

    private static Map<String, Object> input(List<Column> columns, int row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Column c : columns) {
            out.put(c.name(), c.value(row));
        }
        return out;
    }

    /** The q-quantile with linear interpolation between order statistics (as numpy's default). */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
