package dev.failforward.log;

import dev.failforward.failure.Failure;
import dev.failforward.failure.IngestResult;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.failure.ProductionEvent;
import dev.failforward.failure.RunValues;
import dev.failforward.run.Run;

import java.util.List;

/**
 * Production capture: prediction and outcome events, and the ingest runs that judge complete pairs.
 * The judging itself is {@code dev.failforward.session.Ingest}'s, as every run's is the session's.
 */
public interface ProductionLog {

    /**
     * Stores what the log does not know yet of these events (a prediction to an id without one, an
     * outcome to an id without one), in one transaction, so storing a file twice adds nothing. Returns
     * how many events were given, added and already known; nothing is judged here.
     */
    IngestResult store(List<ProductionEvent> events);

    /**
     * Every event whose prediction and outcome are both known and that no ingest run has judged yet, as
     * stored (hashes for redacted features), in event time order.
     */
    List<ProductionEvent> unjudged();

    /**
     * Completes an ingest run with its judged pairs, exactly as given (they were read from the log, so
     * they are redacted already), and marks the events {@code eventIds} judged by it, in one
     * transaction: a crash leaves neither. Refuses, writing nothing, when another run judged one of
     * them first.
     */
    void completeJudged(Run run, List<PredictionRecord> predictions, List<Failure> failures, RunValues values,
                        List<String> eventIds);

    /**
     * Every event whose prediction and outcome are both known (judged), with its features as stored
     * (hashes for redacted ones), in event time order: what production saw and what happened.
     */
    List<ProductionEvent> judgedEvents();
}
