package dev.failforward.detect;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops the predicates of a found slice that the data does not support, so that a report names
 * the problem, not a lucky refinement of it. The SliceLine score rewards any higher error rate,
 * so the exact top-K often holds {@code A AND B AND C} where {@code A AND B} is the real problem
 * and {@code C} merely leaves out a few rows that happened to be right — or no row at all.
 * Predicate {@code C} of slice {@code S} is dropped, giving the parent {@code P = S without C},
 * when either
 * <ul>
 *   <li>the rows {@code C} excludes from {@code P} do not fail significantly less often than
 *   {@code S}'s rows (one-sided Fisher exact test, p &gt; {@code alpha}; always when it excludes
 *   none), or</li>
 *   <li>{@code P} is stronger evidence of a weak slice than {@code S}: its one-sided binomial
 *   p-value against the average failure rate is no larger (compared as logarithms, which stay
 *   apart where the p-values themselves underflow).</li>
 * </ul>
 * With {@code alpha} ≥ 1 the slices are kept as found.
 * Of the droppable predicates, the least supported (largest Fisher p) goes first, and the parent is
 * checked in turn, as rule pruning does (C4.5 rules).
 */
public final class SliceSimplifier {

    /** A simplified slice and the predicates (as labels) dropped from the slice the search found. */
    public record Simplified(Slice slice, List<String> dropped) {
    }

    private SliceSimplifier() {
    }

    /**
     * Simplifies each of {@code found} (best first), merges slices that become the same, rescores
     * them and returns them best first with fresh p- and q-values ({@code evaluated} tests).
     *
     * @param alpha the level of the one-sided Fisher test a predicate's excluded rows must pass for it to stay
     */
    public static List<Simplified> simplify(FeatureCodes codes, boolean[] failed, List<Slice> found, int minSupport,
                                            double scoreAlpha, long evaluated, double alpha) {
        int n = codes.rows();
        long[] err = new long[(n + 63) >>> 6];
        int totalErrors = 0;
        for (int i = 0; i < n; i++) {
            if (failed[i]) {
                err[i >>> 6] |= 1L << i;
                totalErrors++;
            }
        }
        if (totalErrors == 0 || found.isEmpty() || alpha >= 1) {
            return found.stream().map(s -> new Simplified(s, List.of())).toList();
        }
        double avg = (double) totalErrors / n;
        SliceSearch.Scorer scorer = new SliceSearch.Scorer(n, avg, scoreAlpha, minSupport);
        Map<Slice, Simplified> merged = new LinkedHashMap<>();
        for (Slice s : found) {
            Simplified simple = simplify(codes, err, s, scorer, alpha);
            merged.putIfAbsent(simple.slice(), simple);
        }
        List<Slice> rescored = new ArrayList<>();
        for (Simplified s : merged.values()) {
            rescored.add(s.slice());
        }
        rescored.sort(java.util.Comparator.comparingDouble(Slice::score).reversed()
                .thenComparing(java.util.Comparator.comparingInt(Slice::size).reversed())
                .thenComparingInt(Slice::level)
                .thenComparing(sl -> java.util.Arrays.toString(sl.features()) + java.util.Arrays.toString(sl.levels())));
        List<Slice> withQ = SliceSearch.significance(rescored, avg, evaluated);
        List<Simplified> out = new ArrayList<>();
        for (Slice s : withQ) {
            out.add(new Simplified(s, merged.get(s).dropped()));
        }
        return out;
    }

    private static Simplified simplify(FeatureCodes codes, long[] err, Slice s, SliceSearch.Scorer scorer, double alpha) {
        List<String> dropped = new ArrayList<>();
        Slice current = s;
        int size = s.size();
        int errors = s.errors();
        while (current.level() > 1) {
            // Log p-values: on large data both p-values underflow to 0.0, and a tie would drop a real predicate.
            double own = SliceSearch.logBinomialP(errors, size, scorer.avg());
            int best = -1;
            double bestFisher = -1;
            double bestP = Double.POSITIVE_INFINITY;
            int[] bestCounts = null;
            for (int j = 0; j < current.level(); j++) {
                long[] rows = SliceSearch.rows(codes, without(current, j));
                int pSize = SliceSearch.popcount(rows);
                int pErrors = SliceSearch.popcountAnd(rows, err);
                int restSize = pSize - size;
                int restErrors = pErrors - errors;
                double parentP = SliceSearch.logBinomialP(pErrors, pSize, scorer.avg());
                double fisher = restSize == 0 ? 1 : fisherGreater(errors, size, restErrors, restSize);
                boolean droppable = fisher > alpha || parentP <= own;
                // The least supported predicate goes first; among equals, the one leaving the stronger parent.
                if (droppable && (fisher > bestFisher || (fisher == bestFisher && parentP < bestP))) {
                    best = j;
                    bestFisher = fisher;
                    bestP = parentP;
                    bestCounts = new int[]{pSize, pErrors};
                }
            }
            if (best < 0) {
                break;
            }
            dropped.add(codes.label(current.features()[best], current.levels()[best]));
            Slice parent = without(current, best);
            size = bestCounts[0];
            errors = bestCounts[1];
            current = new Slice(parent.features(), parent.levels(), size, errors, scorer.score(size, errors),
                    Double.NaN, Double.NaN);
        }
        return new Simplified(current, List.copyOf(dropped));
    }

    /** P(X ≥ a) for a slice of {@code n1} rows with {@code a} failures against the rest's {@code b} of {@code n2}. */
    static double fisherGreater(int a, int n1, int b, int n2) {
        HypergeometricDistribution h = new HypergeometricDistribution(null, n1 + n2, a + b, n1);
        return Math.min(1, h.upperCumulativeProbability(a));
    }

    private static Slice without(Slice s, int j) {
        int[] f = new int[s.level() - 1];
        int[] l = new int[s.level() - 1];
        for (int i = 0, k = 0; i < s.level(); i++) {
            if (i != j) {
                f[k] = s.features()[i];
                l[k++] = s.levels()[i];
            }
        }
        return new Slice(f, l, 0, 0, Double.NaN, Double.NaN, Double.NaN);
    }

}
