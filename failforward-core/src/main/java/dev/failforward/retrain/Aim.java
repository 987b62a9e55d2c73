package dev.failforward.retrain;

import dev.failforward.probe.Probe;

import java.util.List;

/**
 * What a strategy tries to fix, so that the fix can be measured on the verification rows: failures
 * inside slices (each a list of predicates as the weak-slice detector labels them), failures under
 * probes (each a fitted probe at one level), adversarial examples, or the model overall.
 */
public record Aim(Kind kind, List<List<String>> slices, List<ProbeAt> probes) {

    public enum Kind { OVERALL, SLICES, PROBES, ADVERSARIAL }

    /** A probe, fitted on the training rows, at the level that flipped predictions. */
    public record ProbeAt(Probe probe, double level) {
    }

    public Aim {
        slices = slices.stream().map(List::copyOf).toList();
        probes = List.copyOf(probes);
    }

    public static Aim overall() {
        return new Aim(Kind.OVERALL, List.of(), List.of());
    }

    public static Aim slices(List<List<String>> slices) {
        return new Aim(Kind.SLICES, slices, List.of());
    }

    public static Aim probes(List<ProbeAt> probes) {
        return new Aim(Kind.PROBES, List.of(), probes);
    }

    public static Aim adversarial() {
        return new Aim(Kind.ADVERSARIAL, List.of(), List.of());
    }

    /** A few words for reports: {@code overall}, {@code 2 slices}, {@code 3 probes}, {@code adversarial examples}. */
    public String label() {
        return switch (kind) {
            case OVERALL -> "overall";
            case SLICES -> slices.size() + (slices.size() == 1 ? " slice" : " slices");
            case PROBES -> probes.size() + (probes.size() == 1 ? " probe" : " probes");
            case ADVERSARIAL -> "adversarial examples";
        };
    }
}
