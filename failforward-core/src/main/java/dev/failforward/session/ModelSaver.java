package dev.failforward.session;

import dev.failforward.api.PublicApi;
import dev.failforward.model.Model;

/** Saves a run's model where later verbs can load it, and says where. */
@FunctionalInterface
@PublicApi
public interface ModelSaver {

    ModelSaver NONE = (runId, model) -> null;

    /** The saved model's location, or {@code null} when it was not saved. */
    String save(String runId, Model model);
}
