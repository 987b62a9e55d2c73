package dev.failforward.session;

import dev.failforward.api.PublicApi;
import dev.failforward.detect.DetectorResult;
import dev.failforward.detect.Finding;
import dev.failforward.failure.Failure;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.metric.Evaluation;
import dev.failforward.run.Run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a scan produced: the stored run, its evaluation, every prediction and the failures, the
 * detectors' results and findings (empty when none ran), the outcomes of its optional steps, and
 * the wall-clock seconds of each phase (read, train, score, judge, each detector, each step, store).
 */
@PublicApi
public record ScanResult(Run run, Evaluation evaluation, List<PredictionRecord> predictions, List<Failure> failures,
                         List<DetectorResult> detectors, List<Finding> findings, List<StepResult<?>> steps,
                         Map<String, Double> timings) {

    public ScanResult {
        predictions = List.copyOf(predictions);
        failures = List.copyOf(failures);
        detectors = List.copyOf(detectors);
        findings = List.copyOf(findings);
        steps = List.copyOf(steps);
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }

    /** A result without steps. */
    public ScanResult(Run run, Evaluation evaluation, List<PredictionRecord> predictions, List<Failure> failures,
                      List<DetectorResult> detectors, List<Finding> findings) {
        this(run, evaluation, predictions, failures, detectors, findings, List.of(), Map.of());
    }

    /** A result without detectors or steps. */
    public ScanResult(Run run, Evaluation evaluation, List<PredictionRecord> predictions, List<Failure> failures) {
        this(run, evaluation, predictions, failures, List.of(), List.of(), List.of(), Map.of());
    }

    /** The outcome of the step whose result has this type, if it ran. */
    public <T> Optional<T> step(Class<T> type) {
        return steps.stream().map(StepResult::outcome).filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The same result with its failures replaced (as redaction does before a report is written). */
    public ScanResult withFailures(List<Failure> replaced) {
        return new ScanResult(run, evaluation, predictions, replaced, detectors, findings, steps, timings);
    }
}
