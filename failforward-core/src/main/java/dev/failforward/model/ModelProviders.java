package dev.failforward.model;

import java.util.List;
import java.util.ServiceLoader;

/** Looks up {@link ModelProvider}s by id. */
public final class ModelProviders {

    private ModelProviders() {
    }

    public static List<ModelProvider> all() {
        return ServiceLoader.load(ModelProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** The provider with this id, or an error that lists the known ids. */
    public static ModelProvider find(String id) {
        List<ModelProvider> all = all();
        return all.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model '" + id + "'; known models: "
                        + String.join(", ", all.stream().map(ModelProvider::id).sorted().toList())));
    }
}
