package dev.failforward.model;

import dev.failforward.api.PublicApi;

/**
 * Told about each batch of rows a model has finished scoring, as soon as it is finished, so that
 * the caller can keep those predictions even when a later batch fails (an endpoint that goes away
 * mid-scan). Called on the thread that called {@link Model#predict(dev.failforward.data.Table, BatchListener)}.
 */
@FunctionalInterface
@PublicApi
public interface BatchListener {

    /** Rows {@code from .. from + batch.rows() - 1} of the scored table are done; batches may come in any order. */
    void scored(int from, Predictions batch);
}
