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
 * Runs detectors one after another. A detector that throws becomes an {@code error} result and
 * the others still run. Also applies the findings' cause tags to the failures of the rows they name.
 */
public final class DetectorRunner {

    private DetectorRunner() {
    }

    public static DetectorReport run(List<Detector> detectors, DetectorContext context) {
        List<DetectorResult> results = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Detector d : detectors) {
            long start = System.nanoTime();
            try {
                Detection detection = d.detect(context);
                long ms = (System.nanoTime() - start) / 1_000_000;
                results.add(new DetectorResult(d.id(), DetectorResult.Status.OK, null, detection.measurements(), ms));
                findings.addAll(detection.findings());
            } catch (RuntimeException | LinkageError e) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                String cause = e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
                results.add(new DetectorResult(d.id(), DetectorResult.Status.ERROR, cause, Map.of(), ms));
            }
        }
        findings.sort(Comparator.comparing(Finding::severity).reversed());
        return new DetectorReport(results, findings);
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
