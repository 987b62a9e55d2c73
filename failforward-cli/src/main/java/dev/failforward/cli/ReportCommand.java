package dev.failforward.cli;

import dev.failforward.detect.DetectorReport;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.log.FailureLog;
import dev.failforward.metric.Evaluation;
import dev.failforward.metric.Metrics;
import dev.failforward.model.Predictions;
import dev.failforward.report.ReportFiles;
import dev.failforward.report.ReportWriter;
import dev.failforward.run.Run;
import dev.failforward.run.RunStatus;
import dev.failforward.session.ScanResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code failforward report}: the report of a stored run, rebuilt from the log alone. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Re-render a stored run's report from the failure log.",
        description = {"Re-render the report (report.html, report.json, predictions.csv) of a stored run from the",
                "failure log: metrics are recomputed from its stored predictions, the detectors' sections",
                "come from their stored results, and a run explained with",
                "'failforward explain' gets an Explanations section in report.html.", ""},
        footer = {"", "Examples:",
                "  failforward report --run latest",
                "  failforward report --run 01JD3X5W2Q8R6T0Y7V9B4N1M3K --out reports/old-run"})
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--run", paramLabel = "RUN_ID|latest", required = true, description = "The run.")
    String run;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "failforward-out", description = "Where to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        try (FailureLog log = store.open()) {
            Run r = log.run(run).orElseThrow(() -> new UsageException("no run '" + run + "' in " + log.location()
                    + "; see 'failforward log runs'"));
            if (r.status() != RunStatus.COMPLETE) {
                throw new UsageException("run " + r.id() + " is incomplete; complete it with 'failforward scan ... --resume "
                        + r.id() + "' first");
            }
            ReportFiles written = write(log, r, out);
            System.out.println("Report of run " + r.id() + ": " + written.html());
            System.out.println("  json:        " + written.json());
            System.out.println("  predictions: " + written.csv());
        }
        return ExitCodes.OK;
    }

    /** Re-renders a complete run's report from the log, with its stored detector results and explanations, into {@code out}. */
    static ReportFiles write(FailureLog log, Run r, Path out) {
        List<PredictionRecord> predictions = log.predictions(r.id());
        DetectorReport detected = log.detections(r.id());
        ScanResult result = new ScanResult(r, evaluation(r, predictions), predictions,
                log.failures(FailureFilter.ofRun(r.id())), detected.results(), detected.findings());
        try {
            return ReportWriter.writeAll(result, StoredExplanations.of(log, r.id()), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * The run's evaluation, recomputed with core's metrics from what was stored. A prediction
     * stored without probabilities (production capture) counts as certain of its class.
     */
    static Evaluation evaluation(Run run, List<PredictionRecord> predictions) {
        int n = predictions.size();
        if (!run.task().isClassification()) {
            double[] values = new double[n];
            double[] truth = new double[n];
            for (int i = 0; i < n; i++) {
                PredictionRecord p = predictions.get(i);
                values[i] = p.prediction() == null ? Double.NaN : p.prediction();
                truth[i] = Double.parseDouble(p.expected());
            }
            return Metrics.regression(Predictions.ofValues(values), truth);
        }
        List<String> classes = run.classes();
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        int k = classes.size();
        double[] probabilities = new double[n * k];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            PredictionRecord p = predictions.get(i);
            if (p.probabilities().length == k) {
                System.arraycopy(p.probabilities(), 0, probabilities, i * k, k);
            } else {
                probabilities[i * k + index.get(p.predicted())] = 1.0;
            }
            truth[i] = index.get(p.expected());
        }
        return Metrics.classification(Predictions.ofProbabilities(classes, probabilities), truth);
    }
}
