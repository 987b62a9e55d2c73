package dev.failforward.probe;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.Judge;
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
 * Under an invariance expectation (the default) a classification row fails when its predicted class
 * flips, and a regression row when its absolute error grows past the original errors' 90% quantile
 * while it was below it before. Under a directional expectation a row fails when its output moves
 * against the declared direction by more than the tolerance.
 */
public final class ProbeRunner {

    private ProbeRunner() {
    }

    /**
     * Runs a suite: checks the columns it names against the test rows, then its probes (see
     * {@link #run(List, Model, ScanData, Predictions, long, String, int, Progress)}) and its minimum
     * functionality tests.
     */
    public static ProbeOutcome run(ProbeSuite suite, Model model, ScanData data, Predictions baseline, long seed,
                                   String runId, int firstNumber, Progress progress) {
        suite.check(data);
        ProbeOutcome probes = run(List.<Probe>copyOf(suite.probes()), model, data, baseline, seed, runId, firstNumber, progress);
        if (suite.mft().isEmpty()) {
            return probes;
        }
        List<ProbeResult> results = new ArrayList<>(probes.results());
        List<Failure> failures = new ArrayList<>(probes.failures());
        for (MftCase c : suite.mft()) {
            MinimumFunctionality.run(c, model, data, runId, firstNumber, results, failures);
        }
        return new ProbeOutcome(results, failures, probes.examples());
    }

    /**
     * Each probe is first fitted on the training rows, then run at each of its levels.
     *
     * @param firstNumber the number of the first failure id ({@code runId-N}), after the run's other failures
     */
    public static ProbeOutcome run(List<Probe> probes, Model model, ScanData data, Predictions baseline, long seed,
                                   String runId, int firstNumber, Progress progress) {
        Table test = data.test();
        Target target = data.target();
        List<ProbeResult> results = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<ProbeExample> examples = new ArrayList<>();
        int steps = probes.stream().mapToInt(p -> p.levels().size()).sum();
        progress.start("Probing " + test.rowCount() + " test rows (" + steps + " probe levels)", steps);
        Table reference = data.reference();
        for (Probe unfitted : probes) {
            Probe probe = unfitted.fit(reference);
            for (double level : probe.levels()) {
                Table perturbed = probe.perturb(test, level, seed);
                Predictions after = model.predict(perturbed);
                int before = failures.size();
                Expectation expected = target.task().isClassification() ? probe.expectation(target.classes()) : probe.expectation();
                Judged judged = new Judged(probe, probe.id(), expected, level, runId, firstNumber, failures,
                        seed, examples);
                ProbeResult r = target.task().isClassification()
                        ? classification(judged, test, perturbed, data, baseline, after)
                        : regression(judged, test, perturbed, data, baseline, after);
                results.add(r.withFailures(failures.size() - before));
                progress.advance(1);
            }
        }
        progress.finish();
        return new ProbeOutcome(results, failures, examples);
    }

    /** One probe level being judged, and where its failures go. */
    private record Judged(Probe probe, String id, Expectation expectation, double level, String runId, int first,
                          List<Failure> failures, long seed, List<ProbeExample> examples) {
        int nextNumber() {
            return first + failures.size();
        }
    }

    private static ProbeResult classification(Judged j, Table test, Table perturbed, ScanData data,
                                              Predictions before, Predictions after) {
        int[] truth = ScanData.labels(test, data.target());
        int n = truth.length;
        int flips = 0;
        int rightBefore = 0;
        int rightAfter = 0;
        int k = data.target().classCount();
        int watched = j.expectation().kind() == Expectation.Kind.INVARIANT ? -1 : outputClass(j.expectation(), data);
        double[] differences = new double[n];
        double[] scoreBefore = new double[n];
        double[] scoreAfter = new double[n];
        for (int i = 0; i < n; i++) {
            int a = before.predictedClass(i);
            int b = after.predictedClass(i);
            rightBefore += a == truth[i] ? 1 : 0;
            rightAfter += b == truth[i] ? 1 : 0;
            differences[i] = (a == truth[i] ? 1 : 0) - (b == truth[i] ? 1 : 0);
            int scored = watched < 0 ? a : watched;
            scoreBefore[i] = before.probability(i, scored);
            scoreAfter[i] = after.probability(i, scored);
            flips += a != b ? 1 : 0;
            boolean failed = watched < 0 ? a != b
                    : j.probe().judges(a == watched)
                    && j.expectation().violatedBy(before.probability(i, watched), after.probability(i, watched))
                    && changed(test, perturbed, i);
            if (failed) {
                Map<String, Double> byClass = new LinkedHashMap<>();
                for (int c = 0; c < k; c++) {
                    byClass.put(data.target().classes().get(c), after.probability(i, c));
                }
                double loss = Judge.logLoss(after.probability(i, truth[i]));
                List<String> tags = new ArrayList<>();
                tags.add(watched < 0 ? "flipped" : "direction-violated");
                if (b != truth[i] && a == truth[i]) {
                    tags.add("became-wrong");
                }
                j.failures().add(failure(j, test, perturbed, data, i, data.target().classes().get(truth[i]),
                        data.target().classes().get(b), byClass, null, after.probability(i, b), loss, tags));
            }
        }
        List<String> classes = data.target().classes();
        j.examples().addAll(WorstExamples.pick(j.id(), j.level(), test, perturbed, data.testKeys(), scoreBefore, scoreAfter,
                watched < 0 ? "P(predicted class)" : "P(" + classes.get(watched) + ")",
                i -> classes.get(before.predictedClass(i)), i -> classes.get(after.predictedClass(i))));
        double original = (double) rightBefore / n;
        double now = (double) rightAfter / n;
        double[] ci = DropInterval.of(differences, j.seed(), j.id(), j.level());
        return new ProbeResult(j.id(), j.level(), (double) flips / n, "accuracy", original, now, original - now, n, 0,
                ci[0], ci[1], j.expectation().label());
    }

    /** Whether the probe changed row {@code row}: a row it left alone cannot break an expectation that asks for a move. */
    public static boolean changed(Table test, Table perturbed, int row) {
        for (Column c : perturbed.columns()) {
            if (perturbed.role(c.name()) != ColumnRole.TARGET && !Objects.equals(c.value(row), test.column(c.name()).value(row))) {
                return true;
            }
        }
        return false;
    }

    /** The class whose probability a directional expectation watches: the named one, else a binary task's positive class. */
    private static int outputClass(Expectation e, ScanData data) {
        List<String> classes = data.target().classes();
        if (e.outputClass() != null) {
            int c = classes.indexOf(e.outputClass());
            if (c < 0) {
                throw new IllegalArgumentException("expectation class '" + e.outputClass() + "' is not a class of '"
                        + data.target().column() + "'; classes: " + classes);
            }
            return c;
        }
        if (classes.size() != 2) {
            throw new IllegalArgumentException("a directional expectation on " + classes.size()
                    + " classes must name its class; classes: " + classes);
        }
        return classes.indexOf(data.target().positiveClass());
    }

    private static ProbeResult regression(Judged j, Table test, Table perturbed, ScanData data,
                                          Predictions before, Predictions after) {
        double[] truth = ScanData.values(test, data.target());
        int n = truth.length;
        double[] errorBefore = new double[n];
        double[] differences = new double[n];
        double[] valueBefore = new double[n];
        double[] valueAfter = new double[n];
        double shift = 0;
        double maeBefore = 0;
        double maeAfter = 0;
        for (int i = 0; i < n; i++) {
            errorBefore[i] = Math.abs(before.value(i) - truth[i]);
            shift += Math.abs(after.value(i) - before.value(i));
            maeBefore += errorBefore[i];
            maeAfter += Math.abs(after.value(i) - truth[i]);
            differences[i] = Math.abs(after.value(i) - truth[i]) - errorBefore[i];
            valueBefore[i] = before.value(i);
            valueAfter[i] = after.value(i);
        }
        double[] sorted = errorBefore.clone();
        java.util.Arrays.sort(sorted);
        double threshold = sorted[(int) Math.floor(0.9 * (n - 1))];
        boolean invariant = j.expectation().kind() == Expectation.Kind.INVARIANT;
        for (int i = 0; i < n; i++) {
            double error = Math.abs(after.value(i) - truth[i]);
            boolean failed = invariant ? errorBefore[i] <= threshold && error > threshold
                    : j.expectation().violatedBy(before.value(i), after.value(i));
            if (failed) {
                j.failures().add(failure(j, test, perturbed, data, i, NumericColumn.format(truth[i]),
                        NumericColumn.format(after.value(i)), Map.of(), after.value(i), null, error,
                        List.of(invariant ? "became-wrong" : "direction-violated")));
            }
        }
        j.examples().addAll(WorstExamples.pick(j.id(), j.level(), test, perturbed, data.testKeys(), valueBefore, valueAfter,
                "prediction", i -> NumericColumn.format(before.value(i)), i -> NumericColumn.format(after.value(i))));
        double[] ci = DropInterval.of(differences, j.seed(), j.id(), j.level());
        return new ProbeResult(j.id(), j.level(), shift / n, "mae", maeBefore / n, maeAfter / n, (maeAfter - maeBefore) / n, n, 0,
                ci[0], ci[1], j.expectation().label());
    }

    private static Failure failure(Judged j, Table test, Table perturbed, ScanData data, int row, String expected,
                                   String predicted,
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
        String origin = "probe:" + j.id();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("probe", j.id());
        params.put("level", NumericColumn.format(j.level()));
        params.put("changed", String.join(",", changed));
        params.put("expectation", j.expectation().label());
        if (j.expectation().kind() != Expectation.Kind.INVARIANT) {
            params.put("tolerance", NumericColumn.format(j.expectation().tolerance()));
            if (data.target().task().isClassification()) {
                params.put("watched_class", data.target().classes().get(outputClass(j.expectation(), data)));
            }
        }
        String key = data.testKeys().get(row);
        String fingerprint = Fingerprints.failure(key, input, origin, params);
        String runId = j.runId();
        return new Failure(runId + "-" + j.nextNumber(), runId, key, origin, input, expected, predicted, probabilities,
                prediction, confidence, loss, tags, fingerprint, new Perturbation(params, perturbedInput));
    }
}
