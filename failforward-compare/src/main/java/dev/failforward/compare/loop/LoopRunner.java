package dev.failforward.compare.loop;

import dev.failforward.compare.Policy;
import dev.failforward.compare.retrain.CandidateSink;
import dev.failforward.compare.retrain.RetrainRequest;
import dev.failforward.compare.retrain.RetrainResult;
import dev.failforward.compare.retrain.Retrainer;
import dev.failforward.data.Table;
import dev.failforward.detect.Finding;
import dev.failforward.detect.WeakSliceDetector;
import dev.failforward.detect.WeakSliceMeasurements;
import dev.failforward.log.FailureLog;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.probe.ProbeOutcome;
import dev.failforward.probe.ProbeResult;
import dev.failforward.probe.ProbeRunner;
import dev.failforward.probe.ProbeSuite;
import dev.failforward.progress.Progress;
import dev.failforward.retrain.SelectionSplit;
import dev.failforward.retrain.SlicePredicates;
import dev.failforward.run.RunHeader;
import dev.failforward.scan.Holdout;
import dev.failforward.scan.ScanData;
import dev.failforward.session.ModelSaver;
import dev.failforward.session.ProbeSteps;
import dev.failforward.session.RunSession;
import dev.failforward.session.ScanModel;
import dev.failforward.session.ScanRequest;
import dev.failforward.session.ScanResult;
import dev.failforward.session.Scanner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the loop. The test rows are split once (seeded, stratified, as a retrain splits them) into
 * selection rows, which every round's scan, detectors, probes and strategies see, and verification
 * rows, which only judge: every round's candidates are compared with the kept model on them, and the
 * trajectory is measured on them. A round scans the kept model (round 1 trains it; later rounds train
 * it again from the training rows kept with it, same trainer and seed), retrains from that scan, and
 * keeps the recommended candidate, which the retrain recommends only when it passes the gate,
 * significantly improves what it targeted and improves the primary metric by at least
 * {@link dev.failforward.compare.retrain.Retrainer#MIN_GAIN}. A round that keeps nothing ends the loop: the next one would
 * see the same model and the same rows.
 */
public final class LoopRunner {

    public static final String KIND = "loop";
    public static final String SCAN_KIND = "scan";
    public static final String RETRAIN_KIND = "retrain";

    private final FailureLog log;
    private final Progress progress;

    public LoopRunner(FailureLog log, Progress progress) {
        this.log = log;
        this.progress = progress;
    }

    public LoopResult run(LoopRequest r) {
        ScanData d = r.data();
        Target target = d.target();
        boolean classification = target.task().isClassification();
        SelectionSplit split = SelectionSplit.of(classification ? ScanData.labels(d.test(), target) : null,
                target.classCount(), d.test().rowCount(), r.seed());
        Table sel = d.test().select(split.selection());
        List<String> selKeys = pick(d.testKeys(), split.selection());
        Table ver = d.test().select(split.verification());
        List<String> verKeys = pick(d.testKeys(), split.verification());
        String primary = Policy.primaryMetric(target.task());
        Policy policy = r.policy() == null ? Policy.defaults(target.task()) : r.policy();

        RunSession loop = RunSession.begin(log, RunHeader.of(KIND, target).model(r.modelId())
                .data(r.dataName(), r.dataFingerprint()).seed(r.seed()).options(r.options()));
        Table training = d.train();
        Model kept = null;
        String keptPath = null;
        List<List<String>> slices = List.of();
        List<LoopPoint> trajectory = new ArrayList<>();
        List<LoopRound> rounds = new ArrayList<>();
        String stopped = null;
        for (int round = 1; round <= r.rounds(); round++) {
            Map<String, String> options = new LinkedHashMap<>(r.options());
            options.put("loop", loop.id());
            options.put("round", String.valueOf(round));
            if (!rounds.isEmpty()) {
                LoopRound last = rounds.get(rounds.size() - 1);
                options.put("training_from", last.retrainRun() + " (" + last.kept() + ")");
            }
            Model[] trained = new Model[1];
            ModelSaver saver = (runId, model) -> {
                trained[0] = model;
                return r.saver().save(runId, model);
            };
            ScanData roundData = new ScanData(training, sel, target, selKeys, 0);
            ScanRequest scan = ScanRequest.of(roundData, new ScanModel.Trained(r.modelId(), r.trainer(), saver)).kind(SCAN_KIND)
                    .dataNamed(r.dataName(), r.dataFingerprint()).seed(r.seed()).options(options)
                    .detectors(r.detectors()).step(ProbeSteps.probes(ProbeSuite.defaults(sel)));
            ScanResult scanned = new Scanner(log, progress).scan(scan);
            kept = trained[0];
            keptPath = scanned.run().modelPath();
            if (round == 1) {
                slices = weakSlices(scanned.findings());
                trajectory.add(measure(0, kept, training, ver, verKeys, target, primary, slices, r.seed()));
            }

            Map<String, String> retrainOptions = new LinkedHashMap<>(options);
            retrainOptions.put("from_run", scanned.run().id());
            RunSession retrain = RunSession.begin(log, RunHeader.of(RETRAIN_KIND, target).model(r.modelId())
                    .data(r.dataName(), r.dataFingerprint()).seed(r.seed()).options(retrainOptions));
            Map<String, Table> sets = new LinkedHashMap<>();
            Map<String, String> paths = new LinkedHashMap<>();
            Map<String, Model> models = new LinkedHashMap<>();
            CandidateSink sink = (strategy, model, rows) -> {
                sets.put(strategy, rows);
                models.put(strategy, model);
                String path = r.saver().save(retrain.id() + "-" + strategy, model);
                paths.put(strategy, path);
                return path;
            };
            RetrainRequest request = new RetrainRequest(scanned.run().id(), r.dataName(), roundData, kept, r.trainer(),
                    r.strategies(), policy, ver, verKeys, r.production(), false, r.seed(), r.resamples(), r.hidden(), sink);
            Retrainer.Outcome outcome = new Retrainer(progress).retrain(request);
            RetrainResult result = outcome.result();
            Holdout.Outcome judged = Holdout.judge(retrain.id(), outcome.verification(), target, outcome.verificationKeys(),
                    outcome.chosen());
            String chosenFingerprint = result.keepsCurrent() ? kept.fingerprint() : result.candidates().stream()
                    .filter(c -> c.strategy().equals(result.recommended())).findFirst().orElseThrow().modelFingerprint();
            retrain.complete(chosenFingerprint, result.keepsCurrent() ? keptPath : paths.get(result.recommended()),
                    judged.evaluation().metrics(), judged.predictions(), judged.failures(), null);
            rounds.add(new LoopRound(round, scanned.run().id(), retrain.id(), result, result.recommended()));
            if (result.keepsCurrent()) {
                trajectory.add(again(trajectory.get(trajectory.size() - 1), round));
                if (round < r.rounds()) {
                    stopped = "round " + round + " kept the current model, so a further round would scan the same model "
                            + "on the same rows";
                }
                break;
            }
            training = sets.get(result.recommended());
            keptPath = paths.get(result.recommended());
            kept = models.get(result.recommended());
            trajectory.add(measure(round, kept, training, ver, verKeys, target, primary, slices, r.seed()));
        }
        Holdout.Outcome finalJudged = Holdout.judge(loop.id(), ver, target, verKeys, kept.predict(ver));
        loop.complete(kept.fingerprint(), keptPath, finalJudged.evaluation().metrics(), finalJudged.predictions(),
                finalJudged.failures(), null);
        return new LoopResult(loop.id(), r.modelId(), target.column(), primary, r.dataName(), d.train().rowCount(),
                sel.rowCount(), ver.rowCount(), r.seed(), policy.source(), r.rounds(),
                slices.stream().map(s -> String.join(" AND ", s)).toList(), trajectory, rounds, stopped, keptPath);
    }

    /** The same point for the next round: the model stayed. */
    private static LoopPoint again(LoopPoint p, int round) {
        return new LoopPoint(round, p.modelFingerprint(), p.primary(), p.failureRate(), p.sliceFailureRate(), p.flipRate());
    }

    /** The weak slices found on the selection rows by the first round's scan, as predicate lists. */
    static List<List<String>> weakSlices(List<Finding> findings) {
        List<List<String>> out = new ArrayList<>();
        for (Finding f : findings) {
            List<String> predicates = f.detector().equals(WeakSliceDetector.ID) ? WeakSliceMeasurements.SliceRow.of(f).predicates()
                    : List.of();
            if (!predicates.isEmpty()) {
                out.add(predicates);
            }
        }
        return out;
    }

    /** {@code model} on the verification rows: primary metric, failure rate, failure rate in the slices, mean flip rate. */
    private LoopPoint measure(int round, Model model, Table training, Table ver, List<String> verKeys, Target target,
                              String primary, List<List<String>> slices, long seed) {
        Predictions p = model.predict(ver);
        Holdout.Outcome judged = Holdout.judge("loop", ver, target, verKeys, p);
        double metric = judged.evaluation().metrics().getOrDefault(primary, Double.NaN);
        boolean[] failed = new boolean[ver.rowCount()];
        int failures = 0;
        for (int i = 0; i < failed.length; i++) {
            failed[i] = judged.predictions().get(i).failure();
            failures += failed[i] ? 1 : 0;
        }
        double sliceRate = Double.NaN;
        if (!slices.isEmpty()) {
            boolean[] in = new boolean[ver.rowCount()];
            for (List<String> s : slices) {
                boolean[] one = SlicePredicates.rows(ver, s);
                for (int i = 0; i < in.length; i++) {
                    in[i] |= one[i];
                }
            }
            int n = 0;
            int f = 0;
            for (int i = 0; i < in.length; i++) {
                if (in[i]) {
                    n++;
                    f += failed[i] ? 1 : 0;
                }
            }
            sliceRate = n == 0 ? Double.NaN : (double) f / n;
        }
        double flip = Double.NaN;
        ProbeSuite suite = ProbeSuite.defaults(ver);
        if (!suite.probes().isEmpty()) {
            ProbeOutcome o = ProbeRunner.run(suite, model, new ScanData(training, ver, target, verKeys, 0), p, seed, "loop", 1,
                    Progress.NONE);
            flip = o.results().stream().filter(x -> x.level() != 0).mapToDouble(ProbeResult::flipRate).average().orElse(Double.NaN);
        }
        return new LoopPoint(round, model.fingerprint(), metric, ver.rowCount() == 0 ? Double.NaN : (double) failures / ver.rowCount(),
                sliceRate, flip);
    }

    private static List<String> pick(List<String> keys, int[] rows) {
        List<String> out = new ArrayList<>(rows.length);
        for (int i : rows) {
            out.add(keys.get(i));
        }
        return out;
    }
}
