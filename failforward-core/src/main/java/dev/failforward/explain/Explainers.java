package dev.failforward.explain;

import dev.failforward.model.Model;
import dev.failforward.model.TreeEnsembleSource;

import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/** Looks up {@link Explainer}s by id, and picks one for a model ({@code auto}). */
public final class Explainers {

    public static final String AUTO = "auto";

    private Explainers() {
    }

    /** Every registered explainer; fails if two share an id. */
    public static List<Explainer> all() {
        List<Explainer> all = ServiceLoader.load(Explainer.class).stream().map(ServiceLoader.Provider::get).toList();
        Set<String> ids = new HashSet<>();
        for (Explainer e : all) {
            if (!ids.add(e.id())) {
                throw new IllegalStateException("two explainers have the id '" + e.id() + "'");
            }
        }
        return all;
    }

    /** The explainer with this id, or an error listing the known ids. */
    public static Explainer find(String id) {
        List<Explainer> all = all();
        return all.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown explanation method '" + id + "'; known: "
                        + AUTO + ", " + String.join(", ", all.stream().map(Explainer::id).sorted().toList())));
    }

    /** For {@code auto}: exact TreeSHAP for tree ensembles, KernelSHAP for anything else. */
    public static Explainer choose(String id, Model model) {
        Explainer chosen;
        if (AUTO.equals(id)) {
            chosen = find(model instanceof TreeEnsembleSource ? TreeShapExplainer.ID : KernelShapExplainer.ID);
        } else {
            chosen = find(id);
        }
        if (!chosen.supports(model)) {
            throw new IllegalArgumentException("method '" + chosen.id() + "' cannot explain model " + model.id()
                    + (chosen.id().equals(TreeShapExplainer.ID) ? " (it is not a tree ensemble); use --method kernelshap" : ""));
        }
        return chosen;
    }
}
