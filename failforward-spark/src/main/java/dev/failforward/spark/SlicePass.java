package dev.failforward.spark;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.Table;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs on the executors once the failures are known ({@code failed}: a bitset over dataset
 * indexes, broadcast): the slice counts of a batch, the inputs of its failed rows (as a local scan
 * records them), the counts of deeper candidate slices, and the keys of the rows of given slices.
 */
record SlicePass(RowTables tables, FeatureCoding coding) implements Serializable {

    /** One batch's counts and failed rows' inputs, in row order. */
    record Counted(SliceCounts counts, long[] failedIndex, List<Map<String, Object>> inputs) implements Serializable {

        /** This part followed by {@code next}: counts added, failed rows appended. */
        Counted merge(Counted next) {
            long[] index = java.util.Arrays.copyOf(failedIndex, failedIndex.length + next.failedIndex.length);
            System.arraycopy(next.failedIndex, 0, index, failedIndex.length, next.failedIndex.length);
            List<Map<String, Object>> all = new ArrayList<>(inputs);
            all.addAll(next.inputs);
            return new Counted(counts.merge(next.counts), index, all);
        }
    }

    Counted count(Batches.Batch batch, long[] failed) {
        Table table = tables.table(batch.rows(), batch.index());
        int n = table.rowCount();
        boolean[] flags = flags(batch.index(), failed);
        SliceCounts counts = new SliceCounts(coding);
        counts.add(coding.codes(table), flags);
        List<Column> inputColumns = table.columns().stream().filter(c -> table.role(c.name()) != ColumnRole.TARGET).toList();
        List<Long> index = new ArrayList<>();
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (flags[i]) {
                Map<String, Object> in = new LinkedHashMap<>();
                for (Column c : inputColumns) {
                    in.put(c.name(), c.value(i));
                }
                index.add(batch.index()[i]);
                inputs.add(in);
            }
        }
        return new Counted(counts, index.stream().mapToLong(Long::longValue).toArray(), inputs);
    }

    /** Size and errors of each candidate slice ({@code features[c][i] = levels[c][i]}) in a batch. */
    long[][] countDeeper(Batches.Batch batch, long[] failed, List<int[]> features, List<int[]> levels) {
        Table table = tables.table(batch.rows(), batch.index());
        int[][] codes = coding.codes(table);
        boolean[] flags = flags(batch.index(), failed);
        int m = features.size();
        // Candidates by their first predicate, so that a row is checked only against those it can match.
        List<List<Integer>> byFirst = new ArrayList<>();
        int[] offset = new int[coding.features() + 1];
        for (int f = 0; f < coding.features(); f++) {
            offset[f + 1] = offset[f] + coding.levels(f) + 1;
        }
        for (int i = 0; i < offset[coding.features()]; i++) {
            byFirst.add(new ArrayList<>());
        }
        for (int c = 0; c < m; c++) {
            byFirst.get(offset[features.get(c)[0]] + levels.get(c)[0]).add(c);
        }
        long[][] out = new long[m][2];
        int n = flags.length;
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < coding.features(); f++) {
                for (int c : byFirst.get(offset[f] + codes[f][i])) {
                    int[] fs = features.get(c);
                    int[] ls = levels.get(c);
                    boolean in = true;
                    for (int j = 1; j < fs.length && in; j++) {
                        in = codes[fs[j]][i] == ls[j];
                    }
                    if (in) {
                        out[c][0]++;
                        if (flags[i]) {
                            out[c][1]++;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** For each slice, the keys of the batch's rows in it, in row order. */
    List<List<String>> rows(Batches.Batch batch, Scoring scoring, List<int[]> features, List<int[]> levels) {
        Table table = tables.table(batch.rows(), batch.index());
        int[][] codes = coding.codes(table);
        String[] keys = scoring.keys(table, batch.index());
        List<List<String>> out = new ArrayList<>();
        for (int s = 0; s < features.size(); s++) {
            int[] fs = features.get(s);
            int[] ls = levels.get(s);
            List<String> in = new ArrayList<>();
            for (int i = 0; i < keys.length; i++) {
                boolean match = true;
                for (int j = 0; j < fs.length && match; j++) {
                    match = codes[fs[j]][i] == ls[j];
                }
                if (match) {
                    in.add(keys[i]);
                }
            }
            out.add(in);
        }
        return out;
    }

    private static boolean[] flags(long[] index, long[] failed) {
        boolean[] out = new boolean[index.length];
        for (int i = 0; i < out.length; i++) {
            long x = index[i];
            out[i] = (failed[(int) (x >>> 6)] & (1L << x)) != 0;
        }
        return out;
    }
}
