package dev.failforward.log;

import dev.failforward.failure.IngestResult;
import dev.failforward.failure.ProductionEvent;

import java.util.List;

/** Production capture: prediction and outcome events, judged into failures when they disagree. */
public interface ProductionLog {

    /**
     * Stores production events (prediction and outcome events, in any order) and judges every pair
     * that became complete: when prediction and outcome disagree, a failure with origin
     * {@code production} is recorded in a new run of kind {@code ingest}. Events already in the
     * log are skipped, so ingesting a file twice adds nothing. One transaction.
     */
    IngestResult ingest(String source, List<ProductionEvent> events);

    /**
     * Every event whose prediction and outcome are both known (judged), with its features as stored
     * (hashes for redacted ones), in event time order: what production saw and what happened.
     */
    List<ProductionEvent> judgedEvents();
}
