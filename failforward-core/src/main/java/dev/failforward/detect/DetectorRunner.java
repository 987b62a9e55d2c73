package dev.failforward.detect;

import dev.failforward.failure.Failure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs detectors side by side. A detector that throws becomes an {@code error} result and the
 * others still run. Also applies the findings' cause tags to the failures of the rows they name.
 */
public final class DetectorRunner {

    private DetectorRunner() {
    }

    public static DetectorReport run(List<Detector> detectors, DetectorContext context) {
        // Detectors only read the context, so they run side by side (each one's millis is its own
        // wall time); results and findings keep the detectors' order. Their progress is reported
        // one call at a time.
        DetectorContext shared = context.withProgress(new OneAtATime(context.progress()));
        List<Outcome> outcomes = detectors.parallelStream().map(d -> detect(d, shared)).toList();
        List<DetectorResult> results = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Outcome o : outcomes) {
            results.add(o.result());
            findings.addAll(o.findings());
        }
        findings.sort(Comparator.comparing(Finding::severity).reversed());
        return new DetectorReport(results, findings);
    }

    private record Outcome(DetectorResult result, List<Finding> findings) {
    }

    private static Outcome detect(Detector d, DetectorContext context) {
        long start = System.nanoTime();
        try {
            Detection detection = d.detect(context);
            long ms = (System.nanoTime() - start) / 1_000_000;
            return new Outcome(new DetectorResult(d.id(), DetectorResult.Status.OK, null, detection.measurements(), ms),
                    detection.findings());
        } catch (RuntimeException | LinkageError e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            String cause = e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Outcome(new DetectorResult(d.id(), DetectorResult.Status.ERROR, cause, Measurements.Untyped.NONE, ms), List.of());
        }
    }

    /** Progress shared by detectors running side by side: one call at a time. */
    private record OneAtATime(dev.failforward.progress.Progress progress) implements dev.failforward.progress.Progress {
        @Override
        public synchronized void start(String stage, long steps) {
            progress.start(stage, steps);
        }

        @Override
        public synchronized void advance(long steps) {
            progress.advance(steps);
        }

        @Override
        public synchronized void finish() {
            progress.finish();
        }
    }

    /** The failures with the cause tags of the findings that name their rows added (each tag once). */
    public static List<Failure> tag(List<Failure> failures, List<Finding> findings) {
        Map<String, Set<String>> tagsByKey = new HashMap<>();
        for (Finding f : findings) {
            if (f.causeTag() == null) {
                continue;
            }
            for (String key : f.rowKeys()) {
                tagsByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(f.causeTag());
            }
        }
        List<Failure> out = new ArrayList<>(failures.size());
        for (Failure f : failures) {
            Set<String> extra = tagsByKey.get(f.rowKey());
            if (extra == null || f.causeTags().containsAll(extra)) {
                out.add(f);
                continue;
            }
            LinkedHashSet<String> tags = new LinkedHashSet<>(f.causeTags());
            tags.addAll(extra);
            out.add(new Failure(f.id(), f.runId(), f.rowKey(), f.origin(), f.input(), f.expected(), f.predicted(),
                    f.probabilities(), f.prediction(), f.confidence(), f.loss(), List.copyOf(tags), f.fingerprint()));
        }
        return out;
    }
}
