package dev.failforward.run;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Run ids as ULIDs: 26 characters of Crockford base32, the first ten the time in milliseconds,
 * so that ids sort by time.
 */
public final class RunIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    public static String next() {
        return at(Instant.now());
    }

    public static String at(Instant time) {
        char[] out = new char[26];
        long millis = time.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        for (int i = 0; i < 16; i++) {
            int bit = i * 5;
            int value = 0;
            for (int b = 0; b < 5; b++) {
                int index = bit + b;
                value = (value << 1) | ((random[index / 8] >> (7 - index % 8)) & 1);
            }
            out[10 + i] = ALPHABET[value];
        }
        return new String(out);
    }
}
