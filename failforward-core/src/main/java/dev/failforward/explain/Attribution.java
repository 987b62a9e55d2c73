package dev.failforward.explain;

import dev.failforward.api.PublicApi;

/** How much one input column moved the explained output away from the base value (positive: towards it). */
@PublicApi
public record Attribution(String feature, double value) {

    public Attribution {
        if (feature == null || feature.isEmpty()) {
            throw new IllegalArgumentException("an attribution needs a feature name");
        }
    }
}
