package dev.failforward.rag;

import java.util.Locale;

/** How a local index ranks passages: BM25 over words, nearest vectors, or both fused by reciprocal rank. */
public enum Mode {
    BM25, VECTOR, HYBRID;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mode parse(String id) {
        for (Mode m : values()) {
            if (m.id().equalsIgnoreCase(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + id + "'; expected bm25, vector or hybrid");
    }
}
