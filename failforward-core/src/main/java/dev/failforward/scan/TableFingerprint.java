package dev.failforward.scan;

import dev.failforward.data.Column;
import dev.failforward.data.Table;
import dev.failforward.failure.Fingerprints;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.stream.IntStream;

/** A content hash of a table: column names, types and every value, so equal data gives equal fingerprints. */
public final class TableFingerprint {

    /** Rows written to text per task; the digest takes the tasks' bytes in row order. */
    private static final int CHUNK = 1 << 16;

    private TableFingerprint() {
    }

    public static String of(Table table) {
        MessageDigest digest = Fingerprints.sha256();
        for (Column c : table.columns()) {
            digest.update((c.name() + '\u0000' + c.type().id() + '\u0000').getBytes(StandardCharsets.UTF_8));
            int chunks = (c.size() + CHUNK - 1) / CHUNK;
            // Writing numbers as text is most of the cost: chunks are written in parallel and hashed in order.
            IntStream.range(0, chunks).parallel()
                    .mapToObj(k -> bytes(c, k * CHUNK, Math.min(c.size(), (k + 1) * CHUNK)))
                    .forEachOrdered(digest::update);
        }
        return Fingerprints.hex(digest.digest());
    }

    /** Rows {@code from} to {@code to} of {@code c}: each value's UTF-8 text and a NUL, or SOH for a missing value. */
    private static byte[] bytes(Column c, int from, int to) {
        byte[] out = new byte[16 * (to - from) + 16];
        int size = 0;
        for (int i = from; i < to; i++) {
            String v = c.text(i);
            byte[] utf8 = v == null ? null : ascii(v) ? null : v.getBytes(StandardCharsets.UTF_8);
            int need = v == null ? 1 : (utf8 == null ? v.length() : utf8.length) + 1;
            if (size + need > out.length) {
                out = Arrays.copyOf(out, Math.max(2 * out.length, size + need));
            }
            if (v == null) {
                out[size++] = 1;
                continue;
            }
            if (utf8 != null) {
                System.arraycopy(utf8, 0, out, size, utf8.length);
                size += utf8.length;
            } else {
                for (int j = 0; j < v.length(); j++) {
                    out[size++] = (byte) v.charAt(j);
                }
            }
            out[size++] = 0;
        }
        return Arrays.copyOf(out, size);
    }

    private static boolean ascii(String s) {
        for (int j = 0; j < s.length(); j++) {
            if (s.charAt(j) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
