package dev.failforward.spark;

import dev.failforward.detect.SliceSearch;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link SliceSearch}'s exact SliceLine search itself, counted from counts instead of row bitsets
 * (a {@link SliceSearch.Counter}): one- and two-predicate slices are read from the merged
 * {@link SliceCounts}; deeper candidates are counted by {@link Deeper} (a pass over the data on the
 * cluster), all candidates of a level in one pass. Its result equals {@code SliceSearch.search} on
 * the same rows, which the tests check.
 */
final class SliceCountSearch {

    /** Counts size and errors of slices of three or more predicates: {@code {features[i], levels[i]}} per candidate. */
    interface Deeper {
        int[][] count(List<int[]> features, List<int[]> levels);
    }

    private SliceCountSearch() {
    }

    static SliceSearch.Result search(SliceCounts counts, int n, int totalErrors, SliceSearch.Settings s, Deeper deeper) {
        List<int[]> predicates = new ArrayList<>();
        for (int f = 0; f < counts.width.length; f++) {
            for (int v = 0; v < counts.width[f]; v++) {
                if (counts.size[f][v] >= s.minSupport()) {
                    predicates.add(new int[]{f, v});
                }
            }
        }
        return SliceSearch.search(predicates, new SliceSearch.Counter() {
            /** Candidates of three or more predicates of the current level, counted on the cluster; null at level 2. */
            private int[][] known;

            @Override
            public int[] single(int predicate) {
                int[] pr = predicates.get(predicate);
                return new int[]{counts.size[pr[0]][pr[1]], counts.errors[pr[0]][pr[1]]};
            }

            @Override
            public void level(List<int[]> candidates, double[] bounds, double threshold) {
                known = candidates.isEmpty() || candidates.get(0).length == 2 ? null
                        : countDeeper(candidates, predicates, bounds, threshold, deeper);
            }

            @Override
            public void count(List<int[]> candidates, int[] chunk, int[] sizes, int[] errors) {
                for (int c : chunk) {
                    int[] sc = known != null ? known[c] : pairCount(counts, predicates, candidates.get(c));
                    sizes[c] = sc[0];
                    errors[c] = sc[1];
                }
            }
        }, n, totalErrors, s);
    }

    private static int[] pairCount(SliceCounts counts, List<int[]> predicates, int[] cand) {
        int[] a = predicates.get(cand[0]);
        int[] b = predicates.get(cand[1]);
        return counts.count(new int[]{a[0], b[0]}, new int[]{a[1], b[1]});
    }

    /**
     * Counts, in one pass, every candidate of a level whose bound beats the threshold the level starts
     * with (a superset of those the chunked loop reads: its threshold only rises).
     */
    private static int[][] countDeeper(List<int[]> candidates, List<int[]> predicates, double[] ub, double threshold,
                                       Deeper deeper) {
        int m = candidates.size();
        List<Integer> wanted = new ArrayList<>();
        List<int[]> features = new ArrayList<>();
        List<int[]> levels = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            if (ub[c] > threshold) {
                int[] cand = candidates.get(c);
                int[] f = new int[cand.length];
                int[] l = new int[cand.length];
                for (int i = 0; i < cand.length; i++) {
                    f[i] = predicates.get(cand[i])[0];
                    l[i] = predicates.get(cand[i])[1];
                }
                wanted.add(c);
                features.add(f);
                levels.add(l);
            }
        }
        int[][] out = new int[m][];
        if (wanted.isEmpty()) {
            return out;
        }
        int[][] counted = deeper.count(features, levels);
        for (int i = 0; i < wanted.size(); i++) {
            out[wanted.get(i)] = counted[i];
        }
        return out;
    }
}
