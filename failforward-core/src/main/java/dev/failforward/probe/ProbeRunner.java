package dev.failforward.probe;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.Perturbation;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs probes against a trained model on the test rows: each probe at each level perturbs the whole
 * test table, which is scored in one batch and compared row by row with the unperturbed predictions.
 * A classification row fails when its predicted class flips; a regression row fails when its absolute
 * error grows past the largest original error's 90% quantile while it was below it before.
 */
public final class ProbeRunner {

    private ProbeRunner() {
    }

    /**
     * @param firstNumber the number of the first failure id ({@code runId-N}), after the run's other failures
     */
    public static ProbeOutcome run(List<Probe> probes, Model model, ScanData data, Predictions baseline, long seed,
                                   String runId, int firstNumber, Progress progress) {
        Table test = data.test();
        Target target = data.target();
        List<ProbeResult> results = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        int steps = probes.stream().mapToInt(p -> p.levels().size()).sum();
        progress.start("Probing " + test.rowCount() + " test rows (" + steps + " probe levels)", steps);
        for (Probe probe : probes) {
            for (double level : probe.levels()) {
                Table perturbed = probe.perturb(test, level, seed);
                Predictions after = model.predict(perturbed);
                int before = failures.size();
                results.add(target.task().isClassification()
                        ? classification(probe.id(), level, test, perturbed, data, baseline, after, runId, firstNumber, failures)
                        : regression(probe.id(), level, test, perturbed, data, baseline, after, runId, firstNumber, failures));
                ProbeResult r = results.get(results.size() - 1);
                results.set(results.size() - 1, new ProbeResult(r.id(), r.level(), r.flipRate(), r.metric(), r.original(),
                        r.perturbed(), r.drop(), r.rows(), failures.size() - before));
                progress.advance(1);
            }
        }
        progress.finish();
        return new ProbeOutcome(List.copyOf(results), List.copyOf(failures));
    }

    private static ProbeResult classification(String id, double level, Table test, Table perturbed, ScanData data,
                                              Predictions before, Predictions after, String runId, int first,
                                              List<Failure> failures) {
        int[] truth = ScanData.labels(test, data.target());
        int n = truth.length;
        int flips = 0;
        int rightBefore = 0;
        int rightAfter = 0;
        int k = data.target().classCount();
        for (int i = 0; i < n; i++) {
            int a = before.predictedClass(i);
            int b = after.predictedClass(i);
            rightBefore += a == truth[i] ? 1 : 0;
            rightAfter += b == truth[i] ? 1 : 0;
            if (a != b) {
                flips++;
                Map<String, Double> byClass = new LinkedHashMap<>();
                for (int c = 0; c < k; c++) {
                    byClass.put(data.target().classes().get(c), after.probability(i, c));
                }
                double loss = -Math.log(Math.max(1e-15, after.probability(i, truth[i])));
                List<String> tags = b == truth[i] ? List.of("flipped") : List.of("flipped", "became-wrong");
                failures.add(failure(id, level, test, perturbed, data, i, runId, first + failures.size(),
                        data.target().classes().get(truth[i]), data.target().classes().get(b), byClass, null,
                        after.probability(i, b), loss, tags));
            }
        }
        double original = (double) rightBefore / n;
        double now = (double) rightAfter / n;
        return new ProbeResult(id, level, (double) flips / n, "accuracy", original, now, original - now, n, 0);
    }

    private static ProbeResult regression(String id, double level, Table test, Table perturbed, ScanData data,
                                          Predictions before, Predictions after, String runId, int first,
                                          List<Failure> failures) {
        double[] truth = ScanData.values(test, data.target());
        int n = truth.length;
        double[] errorBefore = new double[n];
        double shift = 0;
        double maeBefore = 0;
        double maeAfter = 0;
        for (int i = 0; i < n; i++) {
            errorBefore[i] = Math.abs(before.value(i) - truth[i]);
            shift += Math.abs(after.value(i) - before.value(i));
            maeBefore += errorBefore[i];
            maeAfter += Math.abs(after.value(i) - truth[i]);
        }
        double[] sorted = errorBefore.clone();
        java.util.Arrays.sort(sorted);
        double threshold = sorted[(int) Math.floor(0.9 * (n - 1))];
        for (int i = 0; i < n; i++) {
            double error = Math.abs(after.value(i) - truth[i]);
            if (errorBefore[i] <= threshold && error > threshold) {
                failures.add(failure(id, level, test, perturbed, data, i, runId, first + failures.size(),
                        NumericColumn.format(truth[i]), NumericColumn.format(after.value(i)), Map.of(), after.value(i),
                        null, error, List.of("became-wrong")));
            }
        }
        return new ProbeResult(id, level, shift / n, "mae", maeBefore / n, maeAfter / n, (maeAfter - maeBefore) / n, n, 0);
    }

    private static Failure failure(String probe, double level, Table test, Table perturbed, ScanData data, int row,
                                   String runId, int number, String expected, String predicted,
                                   Map<String, Double> probabilities, Double prediction, Double confidence, double loss,
                                   List<String> tags) {
        Map<String, Object> input = new LinkedHashMap<>();
        Map<String, Object> perturbedInput = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        for (Column c : perturbed.columns()) {
            if (perturbed.role(c.name()) == ColumnRole.TARGET) {
                continue;
            }
            Object original = test.column(c.name()).value(row);
            input.put(c.name(), original);
            perturbedInput.put(c.name(), c.value(row));
            if (!Objects.equals(c.value(row), original)) {
                changed.add(c.name());
            }
        }
        String origin = "probe:" + probe;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("probe", probe);
        params.put("level", NumericColumn.format(level));
        params.put("changed", String.join(",", changed));
        String key = data.testKeys().get(row);
        String fingerprint = Fingerprints.failure(key, input, origin, params);
        return new Failure(runId + "-" + number, runId, key, origin, input, expected, predicted, probabilities,
                prediction, confidence, loss, tags, fingerprint, new Perturbation(params, perturbedInput));
    }
}
