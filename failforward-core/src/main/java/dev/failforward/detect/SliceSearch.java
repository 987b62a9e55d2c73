package dev.failforward.detect;

import org.apache.commons.math3.special.Beta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Exact top-K search for slices where failures concentrate, after SliceLine (Sagadeeva and
 * Boehm, SIGMOD 2021). A slice is a conjunction of up to {@code maxLevel} predicates
 * {@code feature = level} on different features; its score is
 * {@code α·(e_S/|S| ÷ ē − 1) − (1−α)·(n/|S| − 1)}, trading a high error rate against a small
 * size. Level by level, candidates are joined from valid parents (apriori style: every parent
 * must itself have at least {@code minSupport} rows and an error), and pruned when the upper bound
 * of their score, from the parents' smallest size and error count, cannot beat the current K-th
 * score. Each predicate's rows are a bitset, so a candidate is counted with word-wide ANDs and
 * popcounts; candidates of a level are counted in parallel and merged in a fixed order, so the
 * result does not depend on the thread count.
 */
public final class SliceSearch {

    /**
     * The search limits: predicates per slice, how many slices to keep, the smallest slice, and α;
     * whether numbers' ranges ({@link FeatureCodes#ranges}) are predicates too; and whether the
     * {@code topK} slices of most evidence are kept besides the best-scoring ones ({@code byEvidence}).
     * The SliceLine score's size term makes a small slice score below zero however clear its excess:
     * at share s it needs an error ratio above {@code 1 + (1−α)/α·(1/s − 1)}, 4.6 at s = 2 % — more
     * than a slice can have when a quarter of all rows fail. Evidence is the binomial log-likelihood
     * ratio of the slice's failures against the average rate, {@code |S|·KL(e_S/|S| ‖ ē)} (its error
     * rate above ē), the exponent of its p-value: a strong small slice and a weak large one are
     * compared by how sure their excess is, not by their size.
     */
    public record Settings(int maxLevel, int topK, int minSupport, double alpha, boolean ranges, boolean byEvidence) {

        public Settings {
            if (maxLevel < 1 || topK < 1 || minSupport < 1 || !(alpha > 0 && alpha <= 1)) {
                throw new IllegalArgumentException("slice search needs max level ≥ 1, K ≥ 1, min support ≥ 1 and 0 < α ≤ 1");
            }
        }

        /** Without ranges (every predicate is one code), by score alone. */
        public Settings(int maxLevel, int topK, int minSupport, double alpha) {
            this(maxLevel, topK, minSupport, alpha, false, false);
        }
    }

    /**
     * The best slices (score > 0), best first, each with its p-value and BH q-value; how many
     * candidate slices were counted; the average error; and how many candidates were pruned.
     */
    public record Result(List<Slice> top, long evaluated, long pruned, double averageError, int rows) {
    }

    private static final int CHUNK = 256;

    /**
     * Slices of at most this many predicates may hold a range ({@link Settings#ranges}). Ranges are
     * many and wide, so they prune poorly: allowed at three predicates they made the search 4.5 times
     * slower on a million rows of 30 features, for slices that a range and one condition already name.
     */
    static final int RANGE_LEVELS = 2;

    /** A range predicate is marked by a third element: {feature, level, 1}. */
    private static boolean isRange(int[] predicate) {
        return predicate.length > 2;
    }

    private static boolean containsRange(List<int[]> predicates, int[] ps) {
        for (int q : ps) {
            if (isRange(predicates.get(q))) {
                return true;
            }
        }
        return false;
    }

    private SliceSearch() {
    }

    public static Result search(FeatureCodes codes, boolean[] errors, Settings s) {
        int n = codes.rows();
        if (errors.length != n) {
            throw new IllegalArgumentException(errors.length + " error flags for " + n + " rows");
        }
        int words = (n + 63) >>> 6;
        long[] err = new long[words];
        int totalErrors = 0;
        for (int i = 0; i < n; i++) {
            if (errors[i]) {
                err[i >>> 6] |= 1L << i;
                totalErrors++;
            }
        }
        if (totalErrors == 0 || n == 0) {
            return new Result(List.of(), 0, 0, 0, n);
        }

        // Predicates with enough rows, each a bitset.
        List<int[]> predicates = new ArrayList<>(); // {feature, level}
        List<long[]> bits = new ArrayList<>();
        for (int f = 0; f < codes.features(); f++) {
            int levels = codes.levels(f);
            int[] col = codes.codes().get(f);
            int[] count = new int[levels + 1];
            for (int v : col) {
                count[v]++;
            }
            int[] index = new int[levels + 1];
            Arrays.fill(index, -1);
            long[][] fb = new long[levels + 1][];
            for (int v = 0; v <= levels; v++) {
                if (count[v] >= s.minSupport()) {
                    index[v] = predicates.size();
                    predicates.add(new int[]{f, v});
                    fb[v] = new long[words];
                    bits.add(fb[v]);
                }
            }
            for (int i = 0; i < n; i++) {
                long[] b = fb[col[i]];
                if (b != null) {
                    b[i >>> 6] |= 1L << i;
                }
            }
            if (s.ranges()) {
                for (int v = levels; v < codes.predicates(f); v++) {
                    long[] b = new long[words];
                    int size = 0;
                    boolean[] inRange = codes.matching(f, v);
                    for (int i = 0; i < n; i++) {
                        if (inRange[col[i]]) {
                            b[i >>> 6] |= 1L << i;
                            size++;
                        }
                    }
                    if (size >= s.minSupport()) {
                        predicates.add(new int[]{f, v, 1});
                        bits.add(b);
                    }
                }
            }
        }
        return search(predicates, new BitsetCounter(bits, err, words), n, totalErrors, s);
    }

    /**
     * How the search counts slices, so that the same search runs on row bitsets here and on counts
     * merged from a cluster: the rows and failures of each predicate, and of candidates of two or
     * more predicates (each an ascending array of predicate indexes).
     */
    public interface Counter {

        /** {size, errors} of predicate {@code predicate}. */
        int[] single(int predicate);

        /**
         * Called once per level before any {@link #count}, with the level's candidates, their score
         * bounds and the threshold the level starts with: every candidate {@link #count} will be asked
         * for has a bound above it. A counter that counts a whole level in one pass does it here.
         */
        default void level(List<int[]> candidates, double[] bounds, double threshold) {
        }

        /** Counts the candidates {@code chunk} (indexes into the level's candidates) into {@code sizes} and {@code errors}. */
        void count(List<int[]> candidates, int[] chunk, int[] sizes, int[] errors);
    }

    /**
     * The search over {@code predicates} ({feature, level} pairs, each with at least the minimum
     * support), counted by {@code counter}, on {@code n} rows of which {@code totalErrors} failed.
     */
    public static Result search(List<int[]> predicates, Counter counter, int n, int totalErrors, Settings s) {
        if (totalErrors == 0 || n == 0) {
            return new Result(List.of(), 0, 0, 0, n);
        }
        double avg = (double) totalErrors / n;
        Scorer scorer = new Scorer(n, avg, s.alpha(), s.minSupport());
        int p = predicates.size();
        TopK top = new TopK(s.topK());
        EvidenceTopK evident = s.byEvidence() ? new EvidenceTopK(s.topK(), avg, s.minSupport()) : null;
        long evaluated = 0;
        long pruned = 0;

        // Level 1.
        Map<Key, int[]> valid = new HashMap<>();
        List<Key> validOrder = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            int[] counted = counter.single(i);
            int size = counted[0];
            int e = counted[1];
            evaluated++;
            Slice single = slice(predicates, new int[]{i}, size, e, scorer.score(size, e));
            top.offer(single);
            if (evident != null) {
                evident.offer(single);
            }
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
                if (level > RANGE_LEVELS && containsRange(predicates, ps)) {
                    continue;
                }
                int last = ps[ps.length - 1];
                for (int r = last + 1; r < p; r++) {
                    if (level > RANGE_LEVELS && isRange(predicates.get(r))) {
                        continue;
                    }
                    int fr = predicates.get(r)[0];
                    boolean clash = false;
                    for (int q : ps) {
                        if (predicates.get(q)[0] == fr) {
                            clash = true;
                            break;
                        }
                    }
                    if (clash) {
                        continue;
                    }
                    int[] single = valid.get(new Key(new int[]{r})) == null ? null : valid.get(new Key(new int[]{r}));
                    if (single == null) {
                        continue;
                    }
                    int[] cand = Arrays.copyOf(ps, ps.length + 1);
                    cand[ps.length] = r;
                    int[] pv = valid.get(parent);
                    int ssUb = pv[0];
                    int seUb = pv[1];
                    boolean allParents = true;
                    // Every parent (the candidate without one predicate) must be valid.
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
            // Most promising first, in chunks: each chunk raises the K-th score, which prunes the rest.
            int m = candidates.size();
            Integer[] order = new Integer[m];
            double[] ub = new double[m];
            for (int c = 0; c < m; c++) {
                order[c] = c;
                ub[c] = scorer.upperBound(bounds.get(c)[0], bounds.get(c)[1]);
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -ub[c]).thenComparingInt(c -> c));
            counter.level(candidates, ub, threshold);
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
                counter.count(candidates, chunk, sizes, errs);
                for (int c : chunk) {
                    counted[c] = true;
                }
                for (int c : chunk) {
                    Slice scored = slice(predicates, candidates.get(c), sizes[c], errs[c], scorer.score(sizes[c], errs[c]));
                    top.offer(scored);
                    if (evident != null) {
                        evident.offer(scored);
                    }
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
            // Slices of the next level need their parents of this level; singles stay for the join.
            for (Key k : validOrder) {
                if (k.ps().length == 1) {
                    nextValid.put(k, valid.get(k));
                }
            }
            valid = nextValid;
            validOrder = nextOrder;
        }
        List<Slice> best = top.sorted();
        if (evident != null) {
            java.util.Set<Slice> have = new java.util.HashSet<>(best);
            for (Slice e : evident.sorted()) {
                if (have.add(e)) {
                    best.add(e);
                }
            }
        }
        return new Result(significance(best, avg, evaluated), evaluated, pruned, avg, n);
    }

    /** Counts candidates with word-wide ANDs and popcounts of the predicates' row bitsets, in parallel. */
    private record BitsetCounter(List<long[]> bits, long[] err, int words) implements Counter {

        @Override
        public int[] single(int predicate) {
            long[] b = bits.get(predicate);
            return new int[]{popcount(b), popcountAnd(b, err)};
        }

        @Override
        public void count(List<int[]> candidates, int[] chunk, int[] sizes, int[] errors) {
            // Each candidate writes only its own slots, so the result does not depend on the thread count.
            IntStream.range(0, chunk.length).parallel().forEach(x -> {
                int c = chunk[x];
                int[] cand = candidates.get(c);
                long[][] bs = new long[cand.length][];
                for (int i = 0; i < cand.length; i++) {
                    bs[i] = bits.get(cand[i]);
                }
                int size = 0;
                int e = 0;
                for (int w = 0; w < words; w++) {
                    long v = bs[0][w];
                    for (int i = 1; i < bs.length && v != 0; i++) {
                        v &= bs[i][w];
                    }
                    if (v != 0) {
                        size += Long.bitCount(v);
                        e += Long.bitCount(v & err[w]);
                    }
                }
                sizes[c] = size;
                errors[c] = e;
            });
        }
    }

    /**
     * One-sided binomial p-values (more failures than the average rate predicts) and
     * Benjamini–Hochberg q-values for {@code m = evaluated} tests. Only the reported slices' p-values
     * are known, so each is ranked among them; its true rank among all tests can only be larger,
     * which makes these q-values conservative (never smaller than full BH).
     */
    static List<Slice> significance(List<Slice> slices, double avg, long evaluated) {
        int k = slices.size();
        double[] pv = new double[k];
        for (int i = 0; i < k; i++) {
            Slice sl = slices.get(i);
            pv[i] = binomialP(sl.errors(), sl.size(), avg);
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
            out.add(slices.get(i).withSignificance(pv[i], q[i]));
        }
        return out;
    }

    /** One-sided binomial p-value: P(X ≥ errors) for X ~ Binomial(size, avg). */
    static double binomialP(int errors, int size, double avg) {
        return errors == 0 ? 1 : Beta.regularizedBeta(avg, errors, size - errors + 1.0);
    }

    /**
     * The natural log of {@link #binomialP}, finite where the p-value itself underflows to 0.0 (a
     * large slice far above the average rate: from about 150,000 rows), so that two such slices can
     * still be compared. Far in the upper tail the terms fall geometrically from the first, at ratio
     * r = (size − e)/(e + 1) · avg/(1 − avg), so P(X ≥ e) ≈ pmf(e)/(1 − r).
     */
    static double logBinomialP(int errors, int size, double avg) {
        double p = binomialP(errors, size, avg);
        if (p > 1e-290) {
            return Math.log(p);
        }
        double logPmf = new org.apache.commons.math3.distribution.BinomialDistribution(null, size, avg).logProbability(errors);
        double r = (double) (size - errors) / (errors + 1) * avg / (1 - avg);
        return logPmf - Math.log1p(-Math.min(r, 1 - 1e-12));
    }

    /** The rows of a slice as a bitset over {@code codes}' rows. */
    public static long[] rows(FeatureCodes codes, Slice slice) {
        int n = codes.rows();
        long[] out = new long[(n + 63) >>> 6];
        int k = slice.features().length;
        int[][] col = new int[k][];
        boolean[][] ok = new boolean[k][];
        for (int j = 0; j < k; j++) {
            col[j] = codes.codes().get(slice.features()[j]);
            ok[j] = codes.matching(slice.features()[j], slice.levels()[j]);
        }
        outer:
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                if (!ok[j][col[j][i]]) {
                    continue outer;
                }
            }
            out[i >>> 6] |= 1L << i;
        }
        return out;
    }

    static int popcount(long[] b) {
        int c = 0;
        for (long w : b) {
            c += Long.bitCount(w);
        }
        return c;
    }

    static int popcountAnd(long[] a, long[] b) {
        int c = 0;
        for (int i = 0; i < a.length; i++) {
            c += Long.bitCount(a[i] & b[i]);
        }
        return c;
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

    /** The SliceLine score and its upper bound from a parent's size and error bounds (errors are 0/1). */
    record Scorer(int n, double avg, double alpha, int minSupport) {

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

    /** The K best slices by score (ties: larger first, then fewer predicates), kept in a fixed order. */
    /** {@code size·KL(errors/size ‖ avg)} when the slice fails more often than {@code avg}, else 0: the exponent of its binomial p-value. */
    static double evidence(int size, int errors, double avg) {
        double rate = (double) errors / size;
        if (!(rate > avg) || avg <= 0 || avg >= 1) {
            return 0;
        }
        double kl = rate * Math.log(rate / avg) + (rate < 1 ? (1 - rate) * Math.log((1 - rate) / (1 - avg)) : 0);
        return size * kl;
    }

    /** The {@code k} slices of most {@link #evidence} of an excess, with at least the minimum support. */
    private static final class EvidenceTopK {
        private final int k;
        private final int minSupport;
        private final double avg;
        private final java.util.TreeSet<Slice> set;

        EvidenceTopK(int k, double avg, int minSupport) {
            this.k = k;
            this.avg = avg;
            this.minSupport = minSupport;
            Comparator<Slice> byEvidence = Comparator.comparingDouble((Slice x) -> evidence(x.size(), x.errors(), avg));
            this.set = new java.util.TreeSet<>(byEvidence.reversed().thenComparing(TopK.ORDER));
        }

        void offer(Slice s) {
            if (s.size() < minSupport || !(evidence(s.size(), s.errors(), avg) > 0)) {
                return;
            }
            if (set.size() < k) {
                set.add(s);
            } else if (set.comparator().compare(s, set.last()) < 0) {
                set.add(s);
                set.pollLast();
            }
        }

        List<Slice> sorted() {
            return new ArrayList<>(set);
        }
    }

    private static final class TopK {
        private static final Comparator<Slice> ORDER = Comparator.comparingDouble(Slice::score).reversed()
                .thenComparing(Comparator.comparingInt(Slice::size).reversed())
                .thenComparingInt(Slice::level)
                .thenComparing(sl -> Arrays.toString(sl.features()) + Arrays.toString(sl.levels()));
        private final int k;
        private final java.util.TreeSet<Slice> set = new java.util.TreeSet<>(ORDER);

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
