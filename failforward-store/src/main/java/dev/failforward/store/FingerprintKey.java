package dev.failforward.store;

/**
 * A fingerprint's 64-bit key (FNV-1a over its UTF-16 code units): what {@code failure_fingerprints}
 * is keyed by and {@code failures.fingerprint_key} repeats (schema version 38). An integer key is
 * a third the size of the 32-character text and compares in one instruction, so the pairs a run
 * adds touch fewer and smaller pages. Two fingerprints may share a key; every lookup also compares
 * the fingerprint text. Stored keys must never change: this function is part of the schema.
 */
final class FingerprintKey {

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private FingerprintKey() {
    }

    /** The key of this fingerprint. */
    static long of(String fingerprint) {
        long h = OFFSET_BASIS;
        for (int i = 0; i < fingerprint.length(); i++) {
            h ^= fingerprint.charAt(i);
            h *= PRIME;
        }
        return h;
    }
}
