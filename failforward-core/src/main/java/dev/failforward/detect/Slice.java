package dev.failforward.detect;

import dev.failforward.api.PublicApi;

import java.util.Arrays;

/**
 * A conjunction of predicates {@code feature = level}: the feature and level index of each, with
 * the slice's size, its failed rows, its SliceLine score and (after the search) its one-sided
 * binomial p-value and Benjamini–Hochberg adjusted q-value.
 */
@PublicApi
public record Slice(int[] features, int[] levels, int size, int errors, double score, double pValue, double qValue) {

    public double errorRate() {
        return size == 0 ? 0 : (double) errors / size;
    }

    public int level() {
        return features.length;
    }

    Slice withSignificance(double p, double q) {
        return new Slice(features, levels, size, errors, score, p, q);
    }

    /** The predicates joined by {@code AND}, as {@code codes} labels them. */
    public String describe(FeatureCodes codes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < features.length; i++) {
            sb.append(i == 0 ? "" : " AND ").append(codes.label(features[i], levels[i]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Slice s && Arrays.equals(s.features, features) && Arrays.equals(s.levels, levels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(features) * 31 + Arrays.hashCode(levels);
    }

    @Override
    public String toString() {
        return "Slice" + Arrays.toString(features) + Arrays.toString(levels) + "[n=" + size + ", e=" + errors + ", score=" + score + "]";
    }
}
