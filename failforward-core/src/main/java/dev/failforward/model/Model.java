package dev.failforward.model;

import dev.failforward.api.PublicApi;
import dev.failforward.data.Table;

/**
 * What is under test. {@link #predict} scores a batch of rows; it reads the feature columns it
 * was built for by name and ignores others.
 */
@PublicApi
public interface Model {

    /** The provider id that made or loaded this model, such as {@code builtin:gbm}. */
    String id();

    Target target();

    Predictions predict(Table rows);

    /**
     * The same, telling {@code listener} about each batch as it finishes. A model that scores in
     * batches of its own (an HTTP endpoint) reports each one; others report all rows as one batch.
     * When scoring fails, the batches reported before the failure are still valid.
     */
    default Predictions predict(Table rows, BatchListener listener) {
        Predictions all = predict(rows);
        listener.scored(0, all);
        return all;
    }

    /** A content hash of the model's parameters, stable across save and load. */
    String fingerprint();
}
