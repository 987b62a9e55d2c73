package dev.failforward.probe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/** The registered probes, found through {@link ServiceLoader}; ids are unique. */
public final class Probes {

    private Probes() {
    }

    /** Every registered probe, in id order. */
    public static List<Probe> all() {
        List<Probe> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Probe p : ServiceLoader.load(Probe.class, Probes.class.getClassLoader())) {
            if (!ids.add(p.id())) {
                throw new IllegalStateException("two probes have the id " + p.id());
            }
            out.add(p);
        }
        out.sort(Comparator.comparing(Probe::id));
        return out;
    }

    /** The probe with this id; an unknown id fails listing the known ones. */
    public static Probe find(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown probe '" + id + "'; known probes: " + all().stream().map(Probe::id).toList()));
    }
}
