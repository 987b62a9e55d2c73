package dev.failforward.retrain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The registered strategies, by id; {@code combined} always last, since it builds on the others. */
public final class RetrainStrategies {

    public static final String ALL = "all";

    private RetrainStrategies() {
    }

    /** Every registered strategy, in registration order with {@code combined} last; ids must be unique. */
    public static List<RetrainStrategy> all() {
        Map<String, RetrainStrategy> byId = new LinkedHashMap<>();
        for (RetrainStrategy s : ServiceLoader.load(RetrainStrategy.class, RetrainStrategies.class.getClassLoader())) {
            if (byId.put(s.id(), s) != null) {
                throw new IllegalStateException("two retrain strategies are registered as '" + s.id() + "'");
            }
        }
        List<RetrainStrategy> out = new ArrayList<>(byId.values());
        out.sort(java.util.Comparator.comparing(s -> s.id().equals(CombinedStrategy.ID)));
        return out;
    }

    /** {@code all}, or a comma-separated list of ids; an unknown id fails with the known ones. */
    public static List<RetrainStrategy> resolve(String spec) {
        List<RetrainStrategy> all = all();
        if (spec == null || spec.isBlank() || spec.trim().equals(ALL)) {
            return all;
        }
        List<String> wanted = new ArrayList<>();
        for (String part : spec.split(",")) {
            String id = part.trim();
            if (!id.isEmpty() && !wanted.contains(id)) {
                wanted.add(id);
            }
        }
        for (String id : wanted) {
            if (all.stream().noneMatch(s -> s.id().equals(id))) {
                throw new IllegalArgumentException("unknown retrain strategy '" + id + "'; known: "
                        + String.join(", ", all.stream().map(RetrainStrategy::id).toList()) + " (or all)");
            }
        }
        return all.stream().filter(s -> wanted.contains(s.id())).toList();
    }
}
