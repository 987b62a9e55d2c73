package dev.failforward.model;

/**
 * A source of models, registered for {@link java.util.ServiceLoader} under a unique id
 * such as {@code builtin:gbm}.
 */
public interface ModelProvider {

    String id();

    /** One line for help texts. */
    String description();

    /** The recipe that trains this provider's model. */
    Trainer trainer();
}
