package dev.failforward.failure;

import dev.failforward.api.PublicApi;

/**
 * What one ingest added: events new to the log, events already known (skipped), prediction and
 * outcome pairs judged now, and failures recorded (in run {@code runId}, null when none was needed).
 */
@PublicApi
public record IngestResult(int events, int added, int duplicates, int judged, int failures, String runId) {
}
