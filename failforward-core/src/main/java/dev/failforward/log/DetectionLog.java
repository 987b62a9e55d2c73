package dev.failforward.log;

import dev.failforward.detect.DetectorReport;

/** What a run's detectors measured and found, so that a stored run's report can be rebuilt with its detector sections. */
public interface DetectionLog {

    /** Stores the run's detector results and findings, replacing any stored before. */
    void saveDetections(String runId, DetectorReport detections);

    /** The run's stored detector results and findings; {@link DetectorReport#none()} when none were stored. */
    DetectorReport detections(String runId);
}
