package dev.failforward.model;

import dev.failforward.data.Table;

import java.util.List;

/**
 * A model loaded from outside FailForward, before it is tied to a target: what it predicts and
 * what it reads are known, but not yet which data columns feed it. {@link #bind} ties it to the
 * data it will score.
 */
public interface ExternalModel {

    /** The spec as given, such as {@code xgboost:model.json}; recorded as the run's model id. */
    String id();

    /** Where the model lives (a file's absolute path or the endpoint URL), recorded with the run. */
    String location();

    /** A content hash of the model file (SHA-256 of its bytes). */
    String fingerprint();

    /** The task the model was made for, or {@code null} when the model does not say. */
    Task task();

    /** Class labels in the model's output order, or empty when they come from the data (sorted). */
    List<String> classes();

    /** Number of classes the model outputs, or 0 when not a classifier or unknown. */
    int classCount();

    /** What FailForward read from the model and, given {@code data} (may be {@code null}), what it will feed it. */
    ModelDescription describe(Table data);

    /**
     * The model ready to score {@code data}'s rows (its roles set: target, id and ignored columns are
     * not fed). Fails with an {@link IllegalArgumentException} when the data cannot feed the model.
     */
    Model bind(Target target, Table data);
}
