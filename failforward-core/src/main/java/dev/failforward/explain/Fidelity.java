package dev.failforward.explain;

import dev.failforward.api.PublicApi;

/**
 * How far an explanation can be trusted, measured by the explainer itself: {@code additivity_gap}
 * (|base value + Σ attributions − explained output|, 0 for exact SHAP) or {@code r2} (the
 * surrogate's fit on the perturbed samples, 1 is perfect).
 */
@PublicApi
public record Fidelity(String measure, double value) {

    public static final String ADDITIVITY_GAP = "additivity_gap";
    public static final String R2 = "r2";

    public static Fidelity additivityGap(double gap) {
        return new Fidelity(ADDITIVITY_GAP, gap);
    }

    public static Fidelity r2(double r2) {
        return new Fidelity(R2, r2);
    }
}
