package dev.failforward.detect;

import java.util.ArrayList;
import java.util.List;

/** The keys of rows picked by a bitset or a flag array, for a finding's {@code rowKeys}. */
final class RowKeys {

    private RowKeys() {
    }

    static List<String> of(List<String> keys, long[] bits) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if ((bits[i >>> 6] & (1L << i)) != 0) {
                out.add(keys.get(i));
            }
        }
        return out;
    }

    static List<String> of(List<String> keys, boolean[] flags) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (flags[i]) {
                out.add(keys.get(i));
            }
        }
        return out;
    }
}
