package dev.failforward.scan;

import dev.failforward.data.Column;
import dev.failforward.data.Table;
import dev.failforward.failure.Fingerprints;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A content hash of a table: column names, types and every value, so equal data gives equal fingerprints. */
public final class TableFingerprint {

    private TableFingerprint() {
    }

    public static String of(Table table) {
        MessageDigest digest = Fingerprints.sha256();
        Bytes bytes = new Bytes(digest);
        for (Column c : table.columns()) {
            bytes.add(c.name() + '\u0000' + c.type().id() + '\u0000');
            for (int i = 0; i < c.size(); i++) {
                String v = c.text(i);
                if (v == null) {
                    bytes.add("\u0001");
                } else {
                    bytes.add(v);
                    bytes.add("\u0000");
                }
            }
        }
        bytes.flush();
        return Fingerprints.hex(digest.digest());
    }

    /** The UTF-8 bytes of many small strings, handed to the digest in large blocks (one call per value was most of the cost). */
    private static final class Bytes {
        private final MessageDigest digest;
        private final byte[] buffer = new byte[1 << 16];
        private int size;

        Bytes(MessageDigest digest) {
            this.digest = digest;
        }

        void add(String s) {
            int n = s.length();
            if (size + 3 * n > buffer.length) {
                flush();
            }
            if (3 * n > buffer.length) {
                digest.update(s.getBytes(StandardCharsets.UTF_8));
                return;
            }
            for (int i = 0; i < n; i++) {
                char ch = s.charAt(i);
                if (ch >= 0x80) {
                    byte[] utf8 = s.substring(i).getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(utf8, 0, buffer, size, utf8.length);
                    size += utf8.length;
                    return;
                }
                buffer[size++] = (byte) ch;
            }
        }

        void flush() {
            digest.update(buffer, 0, size);
            size = 0;
        }
    }
}
