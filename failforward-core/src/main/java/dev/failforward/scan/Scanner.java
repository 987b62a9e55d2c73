package dev.failforward.scan;

import dev.failforward.detect.DetectorContext;
import dev.failforward.detect.DetectorPlan;
import dev.failforward.detect.DetectorReport;
import dev.failforward.detect.DetectorRunner;
import dev.failforward.failure.Failure;
import dev.failforward.log.FailureLog;
import dev.failforward.failure.RunValues;
import dev.failforward.model.Model;
import dev.failforward.model.ModelUnavailableException;
import dev.failforward.model.Predictions;
import dev.failforward.model.Trainer;
import dev.failforward.probe.ProbeOutcome;
import dev.failforward.probe.ProbeRunner;
import dev.failforward.probe.ProbeSuite;
import dev.failforward.progress.Progress;
import dev.failforward.run.Provenance;
import dev.failforward.run.Run;
import dev.failforward.run.RunIds;
import dev.failforward.run.RunStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a scan: trains a model on the training rows, scores the held-out rows, and stores the run
 * with all its predictions and failures. The run is begun in the log before training, so a
 * killed scan leaves an incomplete run, and completed in one transaction.
 */
public final class Scanner {

    private final FailureLog log;
    private final ModelSaver saver;
    private final Progress progress;
    private final ProbeSuite probes;
    private final Consumer<ProbeOutcome> probed;

    public Scanner(FailureLog log, ModelSaver saver, Progress progress) {
        this(log, saver, progress, null, o -> { });
    }

    private Scanner(FailureLog log, ModelSaver saver, Progress progress, ProbeSuite probes, Consumer<ProbeOutcome> probed) {
        this.log = log;
        this.saver = saver;
        this.progress = progress;
        this.probes = probes;
        this.probed = probed;
    }

    /**
     * This scanner, also running {@code suite} on the test rows of a trained model after the holdout
     * evaluation: the probe failures are stored in the same run, and the outcome is handed to {@code sink}
     * for the report.
     */
    public Scanner probing(ProbeSuite suite, Consumer<ProbeOutcome> sink) {
        return new Scanner(log, saver, progress, suite, sink);
    }

    /**
     * @param kind    the verb that asked, recorded with the run ({@code scan}, {@code demo})
     * @param modelId the provider id of the trainer
     * @param dataName where the data came from, for people
     * @param options the options as given, recorded in the provenance
     */
    public ScanResult scan(String kind, ScanData data, String modelId, Trainer trainer, String dataName,
                           String dataFingerprint, long seed, Map<String, String> options) {
        return scan(kind, data, modelId, trainer, dataName, dataFingerprint, seed, options, null, DetectorPlan.none());
    }

    /**
     * The same, running {@code plan}'s detectors on the held-out predictions before the run is
     * stored (so that the failures they name are stored with their cause tags), and completing
     * {@code resumed} (an incomplete run of the log, e.g. of a killed scan) instead of beginning a
     * new run when it is not null: its work is done again and stored under its id, in one
     * transaction as always, so nothing is stored twice.
     */
    public ScanResult scan(String kind, ScanData data, String modelId, Trainer trainer, String dataName,
                           String dataFingerprint, long seed, Map<String, String> options, Run resumed,
                           DetectorPlan plan) {
        String runId = resumed == null ? RunIds.next() : resumed.id();
        Instant started = resumed == null ? Instant.now() : resumed.startedAt();
        if (resumed == null) {
            Run run = new Run(runId, kind, started, null, RunStatus.INCOMPLETE, data.target().task(),
                    data.target().column(), data.target().classes(), modelId, null, null, dataName, dataFingerprint,
                    Map.of(), 0, 0, Provenance.current(seed, dataFingerprint, null, options));
            log.begin(run);
        }
        Model model = trainer.train(data.train(), data.target(), seed, progress);
        progress.start("Scoring " + data.test().rowCount() + " test rows", data.test().rowCount());
        Predictions predictions = model.predict(data.test());
        progress.advance(data.test().rowCount());
        progress.finish();
        Holdout.Outcome outcome = Holdout.judge(runId, data.test(), data.target(), data.testKeys(), predictions);
        DetectorReport detected = DetectorReport.none();
        List<Failure> failures = outcome.failures();
        if (!plan.detectors().isEmpty()) {
            boolean[] failed = new boolean[outcome.predictions().size()];
            for (int i = 0; i < failed.length; i++) {
                failed[i] = outcome.predictions().get(i).failure();
            }
            detected = DetectorRunner.run(plan.detectors(), new DetectorContext(data.ignoring(plan.hidden()), predictions, failed,
                    plan.trainer(), seed, plan.config(), progress, plan.visibleCurrent()));
            failures = DetectorRunner.tag(failures, detected.findings());
        }
        if (probes != null) {
            ProbeOutcome probed = ProbeRunner.run(probes, model, data, predictions, seed, runId, failures.size() + 1, progress);
            failures = new java.util.ArrayList<>(failures);
            failures.addAll(probed.failures());
            this.probed.accept(probed);
        }
        String modelPath = saver.save(runId, model);
        Provenance provenance = Provenance.current(seed, dataFingerprint, model.fingerprint(), options);
        Run done = new Run(runId, kind, started, Instant.now(), RunStatus.COMPLETE, data.target().task(),
                data.target().column(), data.target().classes(), modelId, model.fingerprint(), modelPath, dataName,
                dataFingerprint, outcome.evaluation().metrics(), outcome.predictions().size(),
                failures.size(), provenance);
        progress.start("Storing run " + runId, 1);
        log.complete(done, outcome.predictions(), failures, RunValues.of(data.test(), outcome.predictions()));
        keep(runId, detected);
        progress.finish();
        return new ScanResult(done, outcome.evaluation(), outcome.predictions(), failures, detected.results(),
                detected.findings());
    }

    /**
     * Scans a model trained elsewhere: scores every row of {@code data.test()} (nothing is trained) and
     * stores the run like {@link #scan}. {@code modelPath} is where the model lives (not copied).
     */
    public ScanResult scanModel(String kind, ScanData data, Model model, String modelPath, String dataName,
                                String dataFingerprint, long seed, Map<String, String> options) {
        return scanModel(kind, data, model, modelPath, dataName, dataFingerprint, seed, options, DetectorPlan.none());
    }

    /**
     * The same, running {@code plan}'s detectors on the scored rows before the run is stored. There
     * are no training rows ({@code data.train()} is empty): detectors that compare the scored rows
     * with reference data (drift, leakage) have nothing to compare with and belong out of the plan.
     */
    public ScanResult scanModel(String kind, ScanData data, Model model, String modelPath, String dataName,
                                String dataFingerprint, long seed, Map<String, String> options, DetectorPlan plan) {
        return scanModel(kind, data, model, modelPath, dataName, dataFingerprint, seed, options, plan, null);
    }

    /**
     * The same, completing {@code resumed} (an incomplete run of the log) instead of beginning a new run
     * when it is not null. Rows are kept in the log as the model finishes them ({@link ScanProgress}), so
     * when the model fails for good the run stays incomplete with those rows, and resuming it scores
     * only the rows it does not have yet; the completed run is the same as an uninterrupted one.
     *
     * @throws ModelUnavailableException when the model fails for good; the message names the run
     *                                   and how many rows it kept
     */
    public ScanResult scanModel(String kind, ScanData data, Model model, String modelPath, String dataName,
                                String dataFingerprint, long seed, Map<String, String> options, DetectorPlan plan,
                                Run resumed) {
        String runId = resumed == null ? RunIds.next() : resumed.id();
        Instant started = resumed == null ? Instant.now() : resumed.startedAt();
        if (resumed == null) {
            Run run = new Run(runId, kind, started, null, RunStatus.INCOMPLETE, data.target().task(),
                    data.target().column(), data.target().classes(), model.id(), model.fingerprint(), modelPath, dataName,
                    dataFingerprint, Map.of(), 0, 0, Provenance.current(seed, dataFingerprint, model.fingerprint(), options));
            log.begin(run);
        }
        ScanProgress kept = ScanProgress.of(log, runId, data, progress, resumed != null);
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
                    throw new ModelUnavailableException(e.getMessage() + " (run " + runId + " left incomplete with "
                            + kept.scored() + " of " + n + " rows scored and kept; --resume " + runId + " scores the rest)", e);
                }
                throw e;
            }
        }
        progress.finish();
        Predictions predictions = kept.all();
        Holdout.Outcome outcome = Holdout.judge(runId, data.test(), data.target(), data.testKeys(), predictions);
        DetectorReport detected = DetectorReport.none();
        List<Failure> failures = outcome.failures();
        if (!plan.detectors().isEmpty()) {
            boolean[] failed = new boolean[outcome.predictions().size()];
            for (int i = 0; i < failed.length; i++) {
                failed[i] = outcome.predictions().get(i).failure();
            }
            detected = DetectorRunner.run(plan.detectors(), new DetectorContext(data.ignoring(plan.hidden()), predictions,
                    failed, plan.trainer(), seed, plan.config(), progress, plan.visibleCurrent()));
            failures = DetectorRunner.tag(failures, detected.findings());
        }
        Provenance provenance = Provenance.current(seed, dataFingerprint, model.fingerprint(), options);
        Run done = new Run(runId, kind, started, Instant.now(), RunStatus.COMPLETE, data.target().task(),
                data.target().column(), data.target().classes(), model.id(), model.fingerprint(), modelPath, dataName,
                dataFingerprint, outcome.evaluation().metrics(), outcome.predictions().size(),
                failures.size(), provenance);
        progress.start("Storing run " + runId, 1);
        log.complete(done, outcome.predictions(), failures, RunValues.of(data.test(), outcome.predictions()));
        keep(runId, detected);
        progress.finish();
        return new ScanResult(done, outcome.evaluation(), outcome.predictions(), failures, detected.results(),
                detected.findings());
    }

    /** Stores what the detectors found beside the run, so its report can be rebuilt. */
    private void keep(String runId, DetectorReport detected) {
        if (!detected.results().isEmpty()) {
            log.saveDetections(runId, detected);
        }
    }

    /** The same, when no options need recording. */
    public ScanResult scan(String kind, ScanData data, String modelId, Trainer trainer, String dataName,
                           String dataFingerprint, long seed) {
        return scan(kind, data, modelId, trainer, dataName, dataFingerprint, seed, Map.of());
    }

}
