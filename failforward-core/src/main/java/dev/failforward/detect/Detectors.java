package dev.failforward.detect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/** Looks up {@link Detector}s by id and resolves {@code --detectors default|all|none|id,id}. */
public final class Detectors {

    private Detectors() {
    }

    /** Every registered detector, in registration order; duplicate ids are a packaging error. */
    public static List<Detector> all() {
        Map<String, Detector> byId = new LinkedHashMap<>();
        for (Detector d : ServiceLoader.load(Detector.class)) {
            if (byId.put(d.id(), d) != null) {
                throw new IllegalStateException("two detectors share the id '" + d.id() + "'");
            }
        }
        return List.copyOf(byId.values());
    }

    /** The detectors a {@code --detectors} value names; an unknown id fails listing the known ids. */
    public static List<Detector> resolve(String spec) {
        List<Detector> all = all();
        String s = spec.trim();
        switch (s) {
            case "all":
                return all;
            case "none":
                return List.of();
            case "default":
                return all.stream().filter(Detector::byDefault).toList();
            default:
                break;
        }
        List<Detector> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String id : s.split(",")) {
            String want = id.trim();
            Detector d = all.stream().filter(x -> x.id().equals(want)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown detector '" + want + "'; known detectors: "
                            + String.join(", ", all.stream().map(Detector::id).toList()) + " (or default, all, none)"));
            if (seen.add(want)) {
                out.add(d);
            }
        }
        return out;
    }
}
