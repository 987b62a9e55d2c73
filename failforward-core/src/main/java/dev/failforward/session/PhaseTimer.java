package dev.failforward.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall-clock seconds per phase of a scan, in the order the phases ran; a phase run twice adds up. */
final class PhaseTimer {

    private final Map<String, Double> seconds = new LinkedHashMap<>();

    PhaseTimer(Map<String, Double> before) {
        seconds.putAll(before);
    }

    <T> T time(String phase, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(phase, (System.nanoTime() - start) / 1e9);
        }
    }

    void add(String phase, double s) {
        seconds.merge(phase, s, Double::sum);
    }

    Map<String, Double> seconds() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }
}
