package dev.failforward.spark;

import java.io.Serializable;

/**
 * Rows and failed rows per one-predicate slice ({@code feature = level}) and per two-predicate slice
 * (every pair of features, every pair of their levels): the counts the exact slice search needs for
 * its first two levels, mergeable across partitions. Levels run to {@code levels(f)} inclusive, as
 * {@code SliceSearch} counts them.
 */
final class SliceCounts implements Serializable {

    final int[] width;
    final int[][] size;
    final int[][] errors;
    /** For features {@code f < g}: index {@code a·width[g] + b} for levels a of f and b of g. */
    final int[][][] pairSize;
    final int[][][] pairErrors;

    SliceCounts(FeatureCoding coding) {
        int features = coding.features();
        width = new int[features];
        size = new int[features][];
        errors = new int[features][];
        pairSize = new int[features][features][];
        pairErrors = new int[features][features][];
        for (int f = 0; f < features; f++) {
            width[f] = coding.levels(f) + 1;
            size[f] = new int[width[f]];
            errors[f] = new int[width[f]];
        }
        for (int f = 0; f < features; f++) {
            for (int g = f + 1; g < features; g++) {
                pairSize[f][g] = new int[width[f] * width[g]];
                pairErrors[f][g] = new int[width[f] * width[g]];
            }
        }
    }

    /** Counts rows given each feature's codes ({@code codes[f][row]}) and the failed rows. */
    void add(int[][] codes, boolean[] failed) {
        int features = width.length;
        int n = failed.length;
        for (int f = 0; f < features; f++) {
            int[] cf = codes[f];
            for (int i = 0; i < n; i++) {
                size[f][cf[i]]++;
                if (failed[i]) {
                    errors[f][cf[i]]++;
                }
            }
            for (int g = f + 1; g < features; g++) {
                int[] cg = codes[g];
                int w = width[g];
                int[] ps = pairSize[f][g];
                int[] pe = pairErrors[f][g];
                for (int i = 0; i < n; i++) {
                    int cell = cf[i] * w + cg[i];
                    ps[cell]++;
                    if (failed[i]) {
                        pe[cell]++;
                    }
                }
            }
        }
    }

    SliceCounts merge(SliceCounts o) {
        for (int f = 0; f < width.length; f++) {
            addInto(size[f], o.size[f]);
            addInto(errors[f], o.errors[f]);
            for (int g = f + 1; g < width.length; g++) {
                addInto(pairSize[f][g], o.pairSize[f][g]);
                addInto(pairErrors[f][g], o.pairErrors[f][g]);
            }
        }
        return this;
    }

    /** Size and errors of the slice {@code features[i] = levels[i]} of one or two predicates (features ascending). */
    int[] count(int[] features, int[] levels) {
        if (features.length == 1) {
            return new int[]{size[features[0]][levels[0]], errors[features[0]][levels[0]]};
        }
        int f = features[0];
        int g = features[1];
        int cell = levels[0] * width[g] + levels[1];
        return new int[]{pairSize[f][g][cell], pairErrors[f][g][cell]};
    }

    private static void addInto(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
    }
}
