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
        for (Column c : table.columns()) {
            digest.update((c.name() + '\u0000' + c.type().id() + '\u0000').getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < c.size(); i++) {
                String v = c.text(i);
                digest.update((v == null ? "\u0001" : v + '\u0000').getBytes(StandardCharsets.UTF_8));
            }
        }
        return Fingerprints.hex(digest.digest());
    }
}
