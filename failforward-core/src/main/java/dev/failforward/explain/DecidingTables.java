package dev.failforward.explain;

import java.util.Arrays;

/**
 * For one explained row and one background row: the trees where the two rows part more than once,
 * summed per set of deciding columns into a table of the trees' value for every combination of
 * those columns known or not. A coalition then costs one branch-free table read per set, instead of
 * one walk per tree whose every step is a hard-to-predict branch on the coalition. A set is tabled
 * only while its table is no larger than the number of coalitions (else walking is cheaper).
 * Reused across background rows: {@link #clear} before each.
 */
final class DecidingTables {

    private long[] mask = new long[64];
    private int[] group = new int[64];
    private int[] start = new int[64];
    private int[] width = new int[64];
    /** The deciding columns of each set, ascending, at {@code e × 64}. */
    private int[] columns = new int[64 * 64];
    private double[] values = new double[1 << 13];
    private int size;
    private int used;

    void clear() {
        size = 0;
        used = 0;
    }

    /**
     * Adds one tree's reduced walk (see {@link EnsembleCoalitions.Decisions}) for output group
     * {@code g}; false, adding nothing, when its deciding columns need a table larger than
     * {@code limit} values.
     */
    boolean add(EnsembleCoalitions.Decisions d, int g, int limit) {
        long cm = 0;
        for (int i = 0; i < d.size; i++) {
            if (d.column[i] >= 0) {
                cm |= 1L << d.column[i];
            }
        }
        int k = Long.bitCount(cm);
        if (k >= 31 || (1 << k) > limit) {
            return false;
        }
        int e = find(cm, g, k);
        fill(d, 0, mask[e], start[e], (1 << width[e]) - 1, 0, 0);
        return true;
    }

    /**
     * Adds the reduced walk's leaves under {@code node} to the table cells they decide: the path so
     * far fixes the index bits in {@code fixed} to {@code value}; a leaf adds to every cell that
     * agrees, running over the free bits (each cell gets exactly one leaf).
     */
    private void fill(EnsembleCoalitions.Decisions d, int node, long em, int base, int all, int fixed, int value) {
        while (d.column[node] >= 0) {
            int bit = 1 << Long.bitCount(em & ((1L << d.column[node]) - 1));
            if ((fixed & bit) != 0) {
                // The column was decided higher up this path: follow that decision.
                node = (value & bit) != 0 ? d.ifKnown[node] : d.ifUnknown[node];
                continue;
            }
            fill(d, d.ifKnown[node], em, base, all, fixed | bit, value | bit);
            node = d.ifUnknown[node];
            fixed |= bit;
        }
        double v = d.value[node];
        int free = all & ~fixed;
        for (int sub = free; ; sub = (sub - 1) & free) {
            values[base + (value | sub)] += v;
            if (sub == 0) {
                break;
            }
        }
    }

    /** The set for {@code cm} in group {@code g}: the same set, or one with one more column, or a new one. */
    private int find(long cm, int g, int k) {
        for (int e = 0; e < size; e++) {
            if (group[e] == g && (mask[e] & cm) == cm && width[e] <= k + 1) {
                return e;
            }
        }
        if (size == mask.length) {
            int n = size * 2;
            mask = Arrays.copyOf(mask, n);
            group = Arrays.copyOf(group, n);
            start = Arrays.copyOf(start, n);
            width = Arrays.copyOf(width, n);
            columns = Arrays.copyOf(columns, n * 64);
        }
        int cells = 1 << k;
        if (used + cells > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, used + cells));
        }
        Arrays.fill(values, used, used + cells, 0);
        mask[size] = cm;
        group[size] = g;
        start[size] = used;
        width[size] = k;
        int i = 0;
        for (long rest = cm; rest != 0; rest &= rest - 1) {
            columns[size * 64 + i++] = Long.numberOfTrailingZeros(rest);
        }
        used += cells;
        return size++;
    }

    /**
     * Adds each set's value for each coalition to {@code margins[s × groups + group]};
     * {@code known[j × coalitions + s]} is 1 when coalition s knows column j, else 0, and
     * {@code index} is scratch space of {@code coalitions} ints. Column by column, so the index
     * loops are straight vector code.
     */
    void addTo(int[] known, int coalitions, double[] margins, int groups, int[] index) {
        for (int e = 0; e < size; e++) {
            int k = width[e];
            int at = e * 64;
            int base = start[e];
            int g = group[e];
            Arrays.fill(index, 0, coalitions, 0);
            for (int i = 0; i < k; i++) {
                int from = columns[at + i] * coalitions;
                for (int s = 0; s < coalitions; s++) {
                    index[s] |= known[from + s] << i;
                }
            }
            for (int s = 0; s < coalitions; s++) {
                margins[s * groups + g] += values[base + index[s]];
            }
        }
    }
}
