package dev.failforward.io.parquet;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands out one shared instance per distinct string, so a column of three million airport codes
 * holds a few hundred strings rather than three million. Once most strings it has seen were new
 * (free text), it stops taking more: sharing would then only add a map entry per row.
 */
final class StringPool {

    /** Strings taken whatever the ratio, so that a column is judged on more than its first rows. */
    private static final int ALWAYS_TAKEN = 4096;

    private final Map<String, String> shared = new HashMap<>();
    private boolean taking = true;
    private long seen;
    private long unseen;

    /** The shared instance equal to {@code value}, or {@code value} itself; {@code null} stays {@code null}. */
    String share(String value) {
        if (value == null) {
            return null;
        }
        seen++;
        String kept = shared.get(value);
        if (kept != null) {
            return kept;
        }
        unseen++;
        if (taking) {
            shared.put(value, value);
            taking = shared.size() < ALWAYS_TAKEN || 2 * unseen <= seen;
        }
        return value;
    }

    /** Whether new strings are still being taken; false once most strings were distinct. */
    boolean taking() {
        return taking;
    }
}
