package dev.failforward.model;

/**
 * A source of models that were trained elsewhere: it loads a model named by a spec such as
 * {@code xgboost:model.json} instead of training one. Registered for {@link java.util.ServiceLoader};
 * each source owns one spec prefix, which is its id.
 */
public interface ModelSource {

    /** The spec prefix this source owns, such as {@code xgboost:}; unique among sources. */
    String prefix();

    /** One line for help texts, with the spec's form. */
    String description();

    default boolean accepts(String spec) {
        return spec.startsWith(prefix());
    }

    /**
     * Loads the model {@code spec} names. Unreadable or unsupported models fail with an
     * {@link IllegalArgumentException} that names the file and what is wrong.
     */
    ExternalModel load(String spec, ModelConfig config);
}
