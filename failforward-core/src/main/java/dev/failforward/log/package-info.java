/**
 * The failure log's roles, one interface each: runs ({@link dev.failforward.log.RunLog}), failure
 * queries ({@link dev.failforward.log.FailureQueries}), triage ({@link dev.failforward.log.TriageLog}),
 * production ingest ({@link dev.failforward.log.ProductionLog}), explanations
 * ({@link dev.failforward.log.ExplanationLog}) and detections ({@link dev.failforward.log.DetectionLog});
 * {@link dev.failforward.log.FailureLog} is all of them in one store. Code that needs one role asks
 * for that role. Apart from the records they hold ({@code failure}, {@code explain}, {@code detect})
 * so that those packages never depend on the log.
 */
package dev.failforward.log;
