package dev.failforward.explain;

/** How much one input column moved the explained output away from the base value (positive: towards it). */
public record Attribution(String feature, double value) {

    public Attribution {
        if (feature == null || feature.isEmpty()) {
            throw new IllegalArgumentException("an attribution needs a feature name");
        }
    }
}
