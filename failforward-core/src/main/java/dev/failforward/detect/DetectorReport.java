package dev.failforward.detect;

import dev.failforward.api.PublicApi;

import java.util.List;

/** The results of all detectors that ran, and all their findings, most severe first. */
@PublicApi
public record DetectorReport(List<DetectorResult> results, List<Finding> findings) {

    public DetectorReport {
        results = List.copyOf(results);
        findings = List.copyOf(findings);
    }

    public static DetectorReport none() {
        return new DetectorReport(List.of(), List.of());
    }

    public boolean anyError() {
        return results.stream().anyMatch(r -> r.status() == DetectorResult.Status.ERROR);
    }

    /** Whether a finding of {@code severity} or worse exists. */
    public boolean anyAtLeast(Severity severity) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(severity));
    }
}
