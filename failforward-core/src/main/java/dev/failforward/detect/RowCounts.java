package dev.failforward.detect;

/**
 * How often each row hash occurs, and whether all its rows share one target hash: an open-addressing
 * table of primitives, so counting millions of training rows allocates three arrays.
 */
final class RowCounts {

    private final long[] keys;
    private final int[] counts;
    private final long[] targets;
    private final boolean[] mixed;
    private final int mask;

    private RowCounts(int capacity) {
        keys = new long[capacity];
        counts = new int[capacity];
        targets = new long[capacity];
        mixed = new boolean[capacity];
        mask = capacity - 1;
    }

    static RowCounts of(long[] rows, long[] targetOfRow) {
        int capacity = Integer.highestOneBit(Math.max(16, rows.length * 2 - 1)) << 1;
        RowCounts t = new RowCounts(capacity);
        for (int i = 0; i < rows.length; i++) {
            int at = t.slot(rows[i]);
            if (t.counts[at] == 0) {
                t.keys[at] = rows[i];
                t.targets[at] = targetOfRow[i];
            } else if (t.targets[at] != targetOfRow[i]) {
                t.mixed[at] = true;
            }
            t.counts[at]++;
        }
        return t;
    }

    /** How many rows had this hash (0 when none). */
    int count(long row) {
        return counts[slot(row)];
    }

    /** Whether every row with this hash had exactly this target. */
    boolean onlyTarget(long row, long target) {
        int at = slot(row);
        return counts[at] > 0 && !mixed[at] && targets[at] == target;
    }

    private int slot(long key) {
        int at = (int) (key ^ (key >>> 32)) & mask;
        while (counts[at] != 0 && keys[at] != key) {
            at = (at + 1) & mask;
        }
        return at;
    }
}
