package dev.failforward.spark;

import dev.failforward.detect.Slice;
import dev.failforward.detect.SliceSearch;
import org.apache.commons.math3.special.Beta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@link SliceSearch}'s exact SliceLine search, step for step (the same candidates, upper bounds,
 * pruning order, top-K order and significance), over counts instead of row bitsets: one- and
 * two-predicate slices are read from the merged {@link SliceCounts}; deeper candidates are counted by
 * {@link Deeper} (a pass over the data on the cluster), all candidates of a level in one pass. Its
 * result equals {@code SliceSearch.search} on the same rows, which the tests check.
 */
final class SliceCountSearch {

    /** Counts size and errors of slices of three or more predicates: {@code {features[i], levels[i]}} per candidate. */
    interface Deeper {
        int[][] count(List<int[]> features, List<int[]> levels);
    }

    private static final int CHUNK = 256;

    private SliceCountSearch() {
    }

    static SliceSearch.Result search(SliceCounts counts, int n, int totalErrors, SliceSearch.Settings s, Deeper deeper) {
        if (totalErrors == 0 || n == 0) {
            return new SliceSearch.Result(List.of(), 0, 0, 0, n);
        }
        double avg = (double) totalErrors / n;
        Scorer scorer = new Scorer(n, avg, s.alpha(), s.minSupport());
        List<int[]> predicates = new ArrayList<>();
        for (int f = 0; f < counts.width.length; f++) {
            for (int v = 0; v < counts.width[f]; v++) {
                if (counts.size[f][v] >= s.minSupport()) {
                    predicates.add(new int[]{f, v});
                }
            }
        }
        int p = predicates.size();
        TopK top = new TopK(s.topK());
        long evaluated = 0;
        long pruned = 0;
        Map<Key, int[]> valid = new HashMap<>();
        List<Key> validOrder = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            int[] pr = predicates.get(i);
            int size = counts.size[pr[0]][pr[1]];
            int e = counts.errors[pr[0]][pr[1]];
            evaluated++;
            top.offer(slice(predicates, new int[]{i}, size, e, scorer.score(size, e)));
            if (size >= s.minSupport() && e > 0) {
                Key k = new Key(new int[]{i});
                valid.put(k, new int[]{size, e});
                validOrder.add(k);
            }
        }
        for (int level = 2; level <= s.maxLevel() && !validOrder.isEmpty(); level++) {
            double threshold = Math.max(0, top.threshold());
            List<int[]> candidates = new ArrayList<>();
            List<int[]> bounds = new ArrayList<>();
            for (Key parent : validOrder) {
                int[] ps = parent.ps();
                int last = ps[ps.length - 1];
                for (int r = last + 1; r < p; r++) {
                    int fr = predicates.get(r)[0];
                    boolean clash = false;
                    for (int q : ps) {
                        if (predicates.get(q)[0] == fr) {
                            clash = true;
                            break;
                        }
                    }
                    if (clash || valid.get(new Key(new int[]{r})) == null) {
                        continue;
                    }
                    int[] cand = Arrays.copyOf(ps, ps.length + 1);
                    cand[ps.length] = r;
                    int[] pv = valid.get(parent);
                    int ssUb = pv[0];
                    int seUb = pv[1];
                    boolean allParents = true;
                    for (int drop = 0; drop < ps.length && allParents; drop++) {
                        int[] sub = new int[ps.length];
                        for (int i = 0, j = 0; i < cand.length; i++) {
                            if (i != drop) {
                                sub[j++] = cand[i];
                            }
                        }
                        int[] sv = valid.get(new Key(sub));
                        if (sv == null) {
                            allParents = false;
                        } else {
                            ssUb = Math.min(ssUb, sv[0]);
                            seUb = Math.min(seUb, sv[1]);
                        }
                    }
                    if (!allParents) {
                        continue;
                    }
                    if (ssUb < s.minSupport() || scorer.upperBound(ssUb, seUb) <= threshold) {
                        pruned++;
                        continue;
                    }
                    candidates.add(cand);
                    bounds.add(new int[]{ssUb, seUb});
                }
            }
            int m = candidates.size();
            Integer[] order = new Integer[m];
            double[] ub = new double[m];
            for (int c = 0; c < m; c++) {
                order[c] = c;
                ub[c] = scorer.upperBound(bounds.get(c)[0], bounds.get(c)[1]);
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -ub[c]).thenComparingInt(c -> c));
            int[][] known = level == 2 ? null : countDeeper(candidates, predicates, ub, threshold, deeper);
            int[] sizes = new int[m];
            int[] errs = new int[m];
            boolean[] counted = new boolean[m];
            for (int from = 0; from < m; from += CHUNK) {
                double now = Math.max(0, top.threshold());
                int[] chunk = Arrays.stream(order, from, Math.min(m, from + CHUNK)).mapToInt(Integer::intValue)
                        .filter(c -> ub[c] > now).toArray();
                if (chunk.length == 0) {
                    break;
                }
                for (int c : chunk) {
                    int[] sc = known != null ? known[c] : pairCount(counts, predicates, candidates.get(c));
                    sizes[c] = sc[0];
                    errs[c] = sc[1];
                    counted[c] = true;
                }
                for (int c : chunk) {
                    top.offer(slice(predicates, candidates.get(c), sizes[c], errs[c], scorer.score(sizes[c], errs[c])));
                }
                evaluated += chunk.length;
            }
            Map<Key, int[]> nextValid = new HashMap<>();
            List<Key> nextOrder = new ArrayList<>();
            for (int c = 0; c < m; c++) {
                if (!counted[c]) {
                    pruned++;
                    continue;
                }
                if (sizes[c] >= s.minSupport() && errs[c] > 0) {
                    Key k = new Key(candidates.get(c));
                    nextValid.put(k, new int[]{sizes[c], errs[c]});
                    nextOrder.add(k);
                }
            }
            for (Key k : validOrder) {
                if (k.ps().length == 1) {
                    nextValid.put(k, valid.get(k));
                }
            }
            valid = nextValid;
            validOrder = nextOrder;
        }
        return new SliceSearch.Result(significance(top.sorted(), avg, evaluated), evaluated, pruned, avg, n);
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

    /** As {@code SliceSearch}: one-sided binomial p-values and conservative Benjamini–Hochberg q-values. */
    static List<Slice> significance(List<Slice> slices, double avg, long evaluated) {
        int k = slices.size();
        double[] pv = new double[k];
        for (int i = 0; i < k; i++) {
            Slice sl = slices.get(i);
            pv[i] = sl.errors() == 0 ? 1 : Beta.regularizedBeta(avg, sl.errors(), sl.size() - sl.errors() + 1.0);
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pv[i]));
        double[] q = new double[k];
        double running = 1;
        for (int r = k - 1; r >= 0; r--) {
            int i = order[r];
            running = Math.min(running, Math.min(1, pv[i] * evaluated / (r + 1)));
            q[i] = running;
        }
        List<Slice> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Slice sl = slices.get(i);
            out.add(new Slice(sl.features(), sl.levels(), sl.size(), sl.errors(), sl.score(), pv[i], q[i]));
        }
        return out;
    }

    private static Slice slice(List<int[]> predicates, int[] ps, int size, int errors, double score) {
        int[] f = new int[ps.length];
        int[] l = new int[ps.length];
        for (int i = 0; i < ps.length; i++) {
            f[i] = predicates.get(ps[i])[0];
            l[i] = predicates.get(ps[i])[1];
        }
        return new Slice(f, l, size, errors, score, Double.NaN, Double.NaN);
    }

    private record Key(int[] ps) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.ps, ps);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ps);
        }
    }

    private record Scorer(int n, double avg, double alpha, int minSupport) {

        double score(int size, int errors) {
            if (size < minSupport || size == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            return alpha * (((double) errors / size) / avg - 1) - (1 - alpha) * ((double) n / size - 1);
        }

        double upperBound(int ssUb, int seUb) {
            double best = Double.NEGATIVE_INFINITY;
            int[] sizes = {minSupport, Math.max(minSupport, Math.min(seUb, ssUb)), ssUb};
            for (int s : sizes) {
                if (s < minSupport || s > ssUb) {
                    continue;
                }
                int e = Math.min(seUb, s);
                best = Math.max(best, alpha * (((double) e / s) / avg - 1) - (1 - alpha) * ((double) n / s - 1));
            }
            return best;
        }
    }

    private static final class TopK {
        private static final Comparator<Slice> ORDER = Comparator.comparingDouble(Slice::score).reversed()
                .thenComparing(Comparator.comparingInt(Slice::size).reversed())
                .thenComparingInt(Slice::level)
                .thenComparing(sl -> Arrays.toString(sl.features()) + Arrays.toString(sl.levels()));
        private final int k;
        private final TreeSet<Slice> set = new TreeSet<>(ORDER);

        TopK(int k) {
            this.k = k;
        }

        void offer(Slice s) {
            if (!(s.score() > 0)) {
                return;
            }
            if (set.size() < k) {
                set.add(s);
            } else if (ORDER.compare(s, set.last()) < 0) {
                set.add(s);
                set.pollLast();
            }
        }

        double threshold() {
            return set.size() < k ? 0 : set.last().score();
        }

        List<Slice> sorted() {
            return new ArrayList<>(set);
        }
    }
}
