package dev.failforward.probe.stress;

import dev.failforward.data.Column;
import dev.failforward.data.DataException;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.Perturbation;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Trainer;
import dev.failforward.progress.Progress;
import dev.failforward.scan.Holdout;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Runs the stress splits. Leave-one-group-out and the time split train the same recipe with the same seed on
 * their own training part of {@code --data} (rows with a target) and test on the held-out part; the shifted
 * test set reuses the run's model on a redrawn test split. Each is judged like a holdout (a wrong class, or
 * for regression an error above the split's 90% quantile) and compared with the random split's metric. A
 * split that cannot be run (say, its training part lacks a class) becomes a result with an error, and the
 * others go on.
 */
public final class StressRunner {

    private StressRunner() {
    }

    /** Fails, before any work, on a column that does not exist or is the target, or a shift that cannot be drawn. */
    public static void check(Table data, ScanSpec spec, StressSettings settings, ScanData prepared) {
        for (String column : Arrays.asList(settings.group(), settings.time(),
                settings.shift() == null ? null : settings.shift().column())) {
            if (column == null) {
                continue;
            }
            data.column(column);
            if (column.equals(spec.target())) {
                throw new IllegalArgumentException("the stress column '" + column + "' is the target; choose another column");
            }
        }
        if (settings.shift() != null) {
            ShiftedTestSet.draw(prepared.test(), settings.shift(), spec.seed());
        }
    }

    /**
     * @param data        the whole {@code --data} table as read
     * @param prepared    the run's random split, {@code model} trained on it, {@code baseline} its test predictions
     * @param firstNumber the number of the first failure id ({@code runId-N}), after the run's other failures
     */
    public static StressOutcome run(Table data, ScanSpec spec, Trainer trainer, StressSettings settings, ScanData prepared,
                                    Model model, Predictions baseline, String runId, int firstNumber, Progress progress) {
        boolean classification = prepared.target().task().isClassification();
        String metric = classification ? "accuracy" : "mae";
        double reference = Holdout.judge(runId, prepared.test(), prepared.target(), prepared.testKeys(), baseline)
                .evaluation().metrics().get(metric);
        Column target = data.column(spec.target());
        int[] kept = IntStream.range(0, data.rowCount()).filter(r -> !target.isMissing(r)).toArray();
        Table all = data.select(kept);
        List<StressSplit> splits = new ArrayList<>();
        if (settings.group() != null) {
            splits.addAll(LeaveOneGroupOut.splits(all, settings.group(), settings.maxGroups()));
        }
        List<StressResult> results = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        int steps = splits.size() + (settings.time() != null ? 1 : 0) + (settings.shift() != null ? 1 : 0);
        progress.start("Stress tests: " + steps + " splits", steps);
        if (settings.time() != null) {
            try {
                splits.add(TimeSplit.split(all, settings.time()));
            } catch (IllegalArgumentException e) {
                results.add(new StressResult(StressKind.TIME_SPLIT, settings.time(), "", 0, 0, metric, Double.NaN, reference,
                        Double.NaN, 0, e.getMessage()));
                progress.advance(1);
            }
        }
        for (StressSplit split : splits) {
            results.add(retrained(split, all, kept, spec, trainer, metric, reference, runId, firstNumber, failures));
            progress.advance(1);
        }
        if (settings.shift() != null) {
            results.add(shifted(settings.shift(), spec.seed(), prepared, model, metric, reference, runId, firstNumber, failures));
            progress.advance(1);
        }
        progress.finish();
        return new StressOutcome(results, failures);
    }

    private static StressResult retrained(StressSplit split, Table all, int[] fileRows, ScanSpec spec, Trainer trainer,
                                          String metric, double reference, String runId, int firstNumber,
                                          List<Failure> failures) {
        try {
            Table train = all.select(split.train());
            Table test = all.select(split.test());
            if (split.train().length < 2 || split.test().length < 1) {
                throw new DataException("too few rows (" + split.train().length + " training, " + split.test().length + " test)");
            }
            ScanData data = ScanData.prepare(train, test, spec);
            Model m = trainer.train(data.train(), data.target(), spec.seed(), Progress.NONE);
            Predictions p = m.predict(data.test());
            List<String> keys = spec.idColumn() != null ? data.testKeys()
                    : Arrays.stream(split.test()).mapToObj(r -> Integer.toString(fileRows[r])).toList();
            Holdout.Outcome judged = Holdout.judge(runId, data.test(), data.target(), keys, p);
            double value = judged.evaluation().metrics().get(metric);
            Map<String, String> params = params(split.kind(), split.column(), split.group(), split.train().length,
                    split.test().length);
            int added = add(failures, judged.failures(), split.kind(), params, runId, firstNumber, null);
            return new StressResult(split.kind(), split.column(), split.group(), split.test().length, split.train().length,
                    metric, value, reference, drop(metric, reference, value), added, null);
        } catch (DataException | IllegalArgumentException e) {
            return new StressResult(split.kind(), split.column(), split.group(), split.test().length, split.train().length,
                    metric, Double.NaN, reference, Double.NaN, 0, e.getMessage());
        }
    }

    private static StressResult shifted(ShiftSpec spec, long seed, ScanData prepared, Model model, String metric,
                                        double reference, String runId, int firstNumber, List<Failure> failures) {
        ShiftedTestSet.Shifted shift = ShiftedTestSet.draw(prepared.test(), spec, seed);
        Table test = prepared.test().select(shift.rows());
        Predictions p = model.predict(test);
        List<String> keys = Arrays.stream(shift.rows()).mapToObj(r -> prepared.testKeys().get(r)).toList();
        Holdout.Outcome judged = Holdout.judge(runId, test, prepared.target(), keys, p);
        double value = judged.evaluation().metrics().get(metric);
        Map<String, String> params = params(StressKind.SHIFTED, spec.column(), shift.favoured(), 0, shift.rows().length);
        params.put("share_before", NumericColumn.format(Math.round(shift.shareBefore() * 1e4) / 1e4));
        params.put("share_after", NumericColumn.format(Math.round(shift.shareAfter() * 1e4) / 1e4));
        int added = add(failures, judged.failures(), StressKind.SHIFTED, params, runId, firstNumber, new HashSet<>());
        return new StressResult(StressKind.SHIFTED, spec.column(), shift.favoured(), shift.rows().length, 0, metric, value,
                reference, drop(metric, reference, value), added, null);
    }

    private static Map<String, String> params(StressKind kind, String column, String group, int trainRows, int testRows) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("probe", kind.id());
        params.put("column", column);
        params.put("group", group);
        params.put("train_rows", Integer.toString(trainRows));
        params.put("test_rows", Integer.toString(testRows));
        return params;
    }

    /** Positive when the stress split is worse than the random split. */
    static double drop(String metric, double reference, double value) {
        return "mae".equals(metric) ? value - reference : reference - value;
    }

    /** Adds judged failures under the stress origin (each row once when {@code seen} is given); returns how many. */
    private static int add(List<Failure> out, List<Failure> judged, StressKind kind, Map<String, String> params,
                           String runId, int firstNumber, Set<String> seen) {
        int added = 0;
        Map<String, String> identity = Map.of("probe", kind.id(), "column", params.get("column"), "group", params.get("group"));
        for (Failure f : judged) {
            if (seen != null && !seen.add(f.rowKey())) {
                continue;
            }
            List<String> tags = new ArrayList<>(f.causeTags());
            tags.add("stress");
            String fingerprint = Fingerprints.failure(f.rowKey(), f.input(), kind.origin(), identity);
            out.add(new Failure(runId + "-" + (firstNumber + out.size()), runId, f.rowKey(), kind.origin(), f.input(),
                    f.expected(), f.predicted(), f.probabilities(), f.prediction(), f.confidence(), f.loss(), tags,
                    fingerprint, new Perturbation(params, f.input())));
            added++;
        }
        return added;
    }
}
