package dev.failforward.session;

import dev.failforward.detect.DetectorPlan;
import dev.failforward.run.Run;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scan to run: the prepared data, the model, how the data is named in the log, the seed, the
 * options as given (recorded in the provenance), the detectors, the run to resume ({@code null}:
 * a new run), the optional steps and the seconds of phases run before (reading). Built with named steps from {@link #of}.
 */
public record ScanRequest(String kind, ScanData data, ScanModel model, String dataName, String dataFingerprint,
                          long seed, Map<String, String> options, DetectorPlan plan, Run resumed,
                          List<ScanStep<?>> steps, Map<String, Double> timings) {

    public ScanRequest {
        options = Map.copyOf(options);
        steps = List.copyOf(steps);
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }

    /** A {@code scan} of {@code data} with {@code model}, seed {@value ScanSpec#DEFAULT_SEED}, no detectors and no steps. */
    public static ScanRequest of(ScanData data, ScanModel model) {
        return new ScanRequest("scan", data, model, null, null, ScanSpec.DEFAULT_SEED, Map.of(), DetectorPlan.none(), null,
                List.of(), Map.of());
    }

    /** The verb recorded with the run ({@code scan}, {@code demo}, {@code probe}). */
    public ScanRequest kind(String verb) {
        return new ScanRequest(verb, data, model, dataName, dataFingerprint, seed, options, plan, resumed, steps, timings);
    }

    public ScanRequest dataNamed(String name, String fingerprint) {
        return new ScanRequest(kind, data, model, name, fingerprint, seed, options, plan, resumed, steps, timings);
    }

    public ScanRequest seed(long value) {
        return new ScanRequest(kind, data, model, dataName, dataFingerprint, value, options, plan, resumed, steps, timings);
    }

    public ScanRequest options(Map<String, String> given) {
        return new ScanRequest(kind, data, model, dataName, dataFingerprint, seed, given, plan, resumed, steps, timings);
    }

    public ScanRequest detectors(DetectorPlan detectors) {
        return new ScanRequest(kind, data, model, dataName, dataFingerprint, seed, options, detectors, resumed, steps, timings);
    }

    /** Completes {@code run}, an incomplete run of the log, instead of beginning a new one ({@code null}: a new run). */
    public ScanRequest resuming(Run run) {
        return new ScanRequest(kind, data, model, dataName, dataFingerprint, seed, options, plan, run, steps, timings);
    }

    /** Records the seconds a phase before the scan took (reading the data), so the result's timings hold it. */
    public ScanRequest timed(String phase, double seconds) {
        Map<String, Double> more = new LinkedHashMap<>(timings);
        more.merge(phase, seconds, Double::sum);
        return new ScanRequest(kind, data, model, dataName, dataFingerprint, seed, options, plan, resumed, steps, more);
    }

    /** Adds a step that runs after the held-out rows are judged, in the order added. */
    public ScanRequest step(ScanStep<?> step) {
        List<ScanStep<?>> more = new ArrayList<>(steps);
        more.add(step);
        return new ScanRequest(kind, data, model, dataName, dataFingerprint, seed, options, plan, resumed, more, timings);
    }
}
