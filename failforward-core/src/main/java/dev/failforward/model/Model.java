package dev.failforward.model;

import dev.failforward.data.Table;

/**
 * What is under test. {@link #predict} scores a batch of rows; it reads the feature columns it
 * was built for by name and ignores others.
 */
public interface Model {

    /** The provider id that made or loaded this model, such as {@code builtin:gbm}. */
    String id();

    Target target();

    Predictions predict(Table rows);

    /** A content hash of the model's parameters, stable across save and load. */
    String fingerprint();
}
