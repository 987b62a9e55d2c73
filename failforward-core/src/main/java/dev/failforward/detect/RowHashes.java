package dev.failforward.detect;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * 64-bit hashes of rows over named columns, equal when the rows' values are equal (as text a user
 * would write), without building a string per row: a few million rows hash in well under a second.
 * Two different rows share a hash with a chance of about n²/2⁶⁵ (10⁻⁷ for two million rows).
 */
final class RowHashes {

    private static final long MISSING = 0x6a09e667f3bcc909L;

    private RowHashes() {
    }

    /** One hash per row of {@code table} over {@code names}, in that order. */
    static long[] of(Table table, List<String> names) {
        long[] out = new long[table.rowCount()];
        for (String name : names) {
            Column c = table.column(name);
            long[] values = values(c);
            for (int i = 0; i < out.length; i++) {
                out[i] = mix(out[i] * 0x9E3779B97F4A7C15L + values[i]);
            }
        }
        return out;
    }

    /** Each row's value of {@code c} as a 64-bit hash. */
    static long[] values(Column c) {
        long[] out = new long[c.size()];
        if (c instanceof NumericColumn n) {
            double[] v = n.values();
            for (int i = 0; i < out.length; i++) {
                // +0.0 and -0.0 are written alike; every NaN is missing.
                out[i] = Double.isNaN(v[i]) ? MISSING : mix(Double.doubleToLongBits(v[i] == 0 ? 0.0 : v[i]));
            }
        } else if (c instanceof CategoricalColumn cat) {
            List<String> levels = cat.levels();
            long[] levelHash = new long[levels.size()];
            for (int l = 0; l < levelHash.length; l++) {
                levelHash[l] = text(levels.get(l));
            }
            for (int i = 0; i < out.length; i++) {
                int code = cat.code(i);
                out[i] = code < 0 ? MISSING : levelHash[code];
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                String s = c.text(i);
                out[i] = s == null ? MISSING : text(s);
            }
        }
        return out;
    }

    private static long text(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(h ^ s.length());
    }

    /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93e7f4cb02bL;
        h ^= h >>> 33;
        return h;
    }
}
