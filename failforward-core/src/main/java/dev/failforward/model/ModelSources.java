package dev.failforward.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/** Looks up {@link ModelSource}s by spec prefix. */
public final class ModelSources {

    private ModelSources() {
    }

    public static List<ModelSource> all() {
        List<ModelSource> all = ServiceLoader.load(ModelSource.class).stream().map(ServiceLoader.Provider::get).toList();
        Set<String> seen = new HashSet<>();
        for (ModelSource s : all) {
            if (!seen.add(s.prefix())) {
                throw new IllegalStateException("two model sources claim the prefix '" + s.prefix() + "'");
            }
        }
        return all;
    }

    /** The source that loads {@code spec}, if any; a built-in provider id is not a source's. */
    public static Optional<ModelSource> find(String spec) {
        return all().stream().filter(s -> s.accepts(spec)).findFirst();
    }

    /** Whether {@code spec} names a built-in provider or a loadable model; otherwise an error that lists both. */
    public static void check(String spec) {
        if (find(spec).isPresent() || ModelProviders.all().stream().anyMatch(p -> p.id().equals(spec))) {
            return;
        }
        throw new IllegalArgumentException("unknown model '" + spec + "'; known models: " + known());
    }

    /** Built-in ids and source prefixes, for messages. */
    public static String known() {
        List<String> ids = ModelProviders.all().stream().map(ModelProvider::id).sorted().toList();
        List<String> prefixes = all().stream().map(s -> s.prefix() + "…").sorted().toList();
        return String.join(", ", ids) + (prefixes.isEmpty() ? "" : ", " + String.join(", ", prefixes));
    }
}
