package dev.failforward.probe.adversarial;

import java.util.List;
import java.util.Map;

/**
 * How hard to search. {@code budget}: model evaluations per row the greedy search may spend (shrinking
 * the found change afterwards costs a few more, counted in the report); {@code rows}: at most this many
 * correctly predicted test rows are attacked, a seeded sample when there are more (0 = all);
 * {@code immutable}: features never changed; {@code bounds}: declared ranges (column → bound) that
 * replace a numeric feature's training range.
 */
public record AdversarialSettings(int budget, int rows, List<String> immutable, Map<String, Bound> bounds, long seed) {

    public static final int DEFAULT_BUDGET = 500;
    public static final int DEFAULT_ROWS = 2000;

    public AdversarialSettings {
        if (budget < 1) {
            throw new IllegalArgumentException("the adversarial budget must be at least 1 evaluation per row, got " + budget);
        }
        if (rows < 0) {
            throw new IllegalArgumentException("the number of adversarial rows must be >= 0 (0 = all), got " + rows);
        }
        immutable = List.copyOf(immutable);
        bounds = Map.copyOf(bounds);
    }

    public static AdversarialSettings defaults(long seed) {
        return new AdversarialSettings(DEFAULT_BUDGET, DEFAULT_ROWS, List.of(), Map.of(), seed);
    }
}
