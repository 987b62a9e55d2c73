package dev.failforward.session;

import dev.failforward.detect.DetectorContext;
import dev.failforward.detect.DetectorPlan;
import dev.failforward.detect.DetectorReport;
import dev.failforward.detect.DetectorRunner;
import dev.failforward.failure.Failure;
import dev.failforward.failure.Judge;
import dev.failforward.failure.RunValues;
import dev.failforward.log.FailureLog;
import dev.failforward.model.Model;
import dev.failforward.model.ModelUnavailableException;
import dev.failforward.model.Predictions;
import dev.failforward.progress.Progress;
import dev.failforward.run.Run;
import dev.failforward.run.RunHeader;
import dev.failforward.scan.Holdout;
import dev.failforward.scan.ScanData;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scan through a {@link RunSession}: begins (or resumes) the run, trains the model or takes
 * the given one, scores the test rows, judges them (loss, failure, cause tags, with the thresholds
 * the detectors use), runs the detectors and the optional steps, saves a trained model, and
 * completes the run with every prediction and failure in one transaction.
 */
public final class Scanner {

    private final FailureLog log;
    private final Progress progress;

    public Scanner(FailureLog log, Progress progress) {
        this.log = log;
        this.progress = progress;
    }

    /**
     * @throws ModelUnavailableException when a model trained elsewhere fails for good; the rows it
     *                                   scored stay with the incomplete run, and the message names
     *                                   the run and how to resume it
     */
    public ScanResult scan(ScanRequest request) {
        ScanData data = request.data();
        RunHeader header = RunHeader.of(request.kind(), data.target()).model(request.model().id())
                .data(request.dataName(), request.dataFingerprint()).seed(request.seed()).options(request.options());
        if (request.model() instanceof ScanModel.Given given) {
            header = header.modelFile(given.model().fingerprint(), given.location());
        }
        RunSession session = RunSession.beginOrResume(log, header, request.resumed());
        PhaseTimer timer = new PhaseTimer(request.timings());
        Model model;
        Predictions predictions;
        if (request.model() instanceof ScanModel.Trained trained) {
            model = timer.time("train", () -> trained.trainer().train(data.train(), data.target(), request.seed(), progress));
            progress.start("Scoring " + data.test().rowCount() + " test rows", data.test().rowCount());
            Model fitted = model;
            predictions = timer.time("score", () -> fitted.predict(data.test()));
            progress.advance(data.test().rowCount());
            progress.finish();
        } else {
            model = ((ScanModel.Given) request.model()).model();
            predictions = timer.time("score", () -> scoreKept(session, data, model, request.resumed() != null));
        }
        DetectorPlan plan = request.plan();
        Judge judge = plan.config().judge();
        Predictions scored = predictions;
        Holdout.Outcome outcome = timer.time("judge",
                () -> Holdout.judge(session.id(), data.test(), data.target(), data.testKeys(), scored, judge));
        DetectorReport detected = DetectorReport.none();
        List<Failure> failures = outcome.failures();
        if (!plan.detectors().isEmpty()) {
            boolean[] failed = new boolean[outcome.predictions().size()];
            for (int i = 0; i < failed.length; i++) {
                failed[i] = outcome.predictions().get(i).failure();
            }
            // "detectors" is the wall time of them all; they run side by side, so their own times overlap.
            detected = timer.time("detectors", () -> DetectorRunner.run(plan.detectors(), new DetectorContext(
                    data.ignoring(plan.hidden()), predictions, failed, plan.trainer(), request.seed(), plan.config(), progress,
                    plan.visibleCurrent())));
            failures = DetectorRunner.tag(failures, detected.findings());
            failures = withLabelSuspects(session.id(), failures, data, detected);
            detected.results().forEach(d -> timer.add("detector:" + d.id(), d.millis() / 1000.0));
        }
        List<StepResult<?>> steps = new ArrayList<>();
        if (!request.steps().isEmpty()) {
            failures = new ArrayList<>(failures);
            for (ScanStep<?> step : request.steps()) {
                StepContext context = new StepContext(session.id(), model, data, predictions, request.seed(), failures.size() + 1,
                        progress);
                long start = System.nanoTime();
                StepResult<?> done = step.run(context);
                timer.add("step:" + stepName(done), (System.nanoTime() - start) / 1e9);
                failures.addAll(done.failures());
                steps.add(done);
            }
        }
        Model fitted = model;
        String modelPath = request.model() instanceof ScanModel.Trained trained
                ? timer.time("save model", () -> trained.saver().save(session.id(), fitted)) : null;
        progress.start("Storing run " + session.id(), 1);
        List<Failure> all = failures;
        DetectorReport found = detected;
        Run done = timer.time("store", () -> {
            Run stored = session.complete(fitted.fingerprint(), modelPath, outcome.evaluation().metrics(),
                    outcome.predictions(), all, RunValues.of(data.test(), outcome.predictions()));
            if (!found.results().isEmpty()) {
                // Kept beside the run, so its report can be rebuilt with the detector sections.
                log.saveDetections(stored.id(), found);
            }
            return stored;
        });
        progress.finish();
        return new ScanResult(done, outcome.evaluation(), outcome.predictions(), failures, detected.results(),
                detected.findings(), steps, timer.seconds());
    }

    /**
     * Scores every row with a model trained elsewhere, keeping rows in the log as the model finishes
     * them ({@link ScanProgress}): when the model fails for good the run stays incomplete with those
     * rows, and resuming it scores only the rest; the completed run is the same as an uninterrupted one.
     */
    private Predictions scoreKept(RunSession session, ScanData data, Model model, boolean resumed) {
        ScanProgress kept = ScanProgress.of(log, session.id(), data, progress, resumed);
        int n = data.test().rowCount();
        progress.start("Scoring " + kept.restCount() + " rows with " + model.id()
                + (kept.keptBefore() > 0 ? " (" + kept.keptBefore() + " scored before)" : ""), kept.restCount());
        if (kept.restCount() > 0) {
            try {
                model.predict(kept.rest(), kept);
            } catch (RuntimeException e) {
                progress.finish();
                try {
                    kept.flush();
                } catch (RuntimeException notKept) {
                    e.addSuppressed(notKept);
                }
                if (e instanceof ModelUnavailableException) {
                    throw new ModelUnavailableException(e.getMessage() + " (run " + session.id() + " left incomplete with "
                            + kept.scored() + " of " + n + " rows scored and kept; --resume " + session.id()
                            + " scores the rest)", e);
                }
                throw e;
            }
        }
        progress.finish();
        return kept.all();
    }

    /** The failures followed by the label-issue suspects, training and test rows, as failures of their own origin. */
    private static List<Failure> withLabelSuspects(String runId, List<Failure> failures, ScanData data, DetectorReport detected) {
        List<Failure> suspects = LabelSuspects.failures(runId, failures.size() + 1, data, detected.findings());
        if (suspects.isEmpty()) {
            return failures;
        }
        List<Failure> out = new ArrayList<>(failures);
        out.addAll(suspects);
        return out;
    }

    /** A step's name in the timings, from its outcome's type: ProbeOutcome → probe, TextAttackResult → text-attack. */
    private static String stepName(StepResult<?> done) {
        String type = done.outcome() == null ? "step" : done.outcome().getClass().getSimpleName();
        return type.replaceAll("(Outcome|Result)$", "").replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
