package dev.failforward.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reference-vs-current distributions of one feature, recorded with the drift measurement so that
 * the report draws its histograms from what the run stored (and {@code report --run} draws them
 * again). Numbers: equal-width bins over the range of both sides' present values — the same edges
 * for both — as densities (share per unit of the feature), so that sides of different sizes
 * compare. Categories: each side's share of the most common categories (largest share on either
 * side first), the rest summed as "other", and which categories the reference never had. Both
 * also give each side's share of missing values, which the bins leave out.
 */
final class DriftHistogram {

    /** The name of the bucket that sums the categories not shown. */
    static final String OTHER = "other";
    /** Drifted features drawn at most. */
    static final int MAX_SHOWN = 6;
    /** Features drawn when none drifted: those with the largest PSI. */
    private static final int WHEN_NONE_DRIFTED = 3;

    private DriftHistogram() {
    }

    /** {@code ra} and {@code rb}: the present values of each side; {@code missingA/B}: how many are missing. */
    static DriftMeasurements.Histogram.Numeric numeric(double[] ra, double[] rb, int missingA, int missingB, int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] side : List.of(ra, rb)) {
            if (side.length > 0) {
                lo = Math.min(lo, Arrays.stream(side).min().getAsDouble());
                hi = Math.max(hi, Arrays.stream(side).max().getAsDouble());
            }
        }
        double referenceMissing = share(missingA, ra.length + missingA);
        double currentMissing = share(missingB, rb.length + missingB);
        if (lo > hi) {
            return new DriftMeasurements.Histogram.Numeric(List.of(), List.of(), List.of(), referenceMissing, currentMissing);
        }
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        int k = Math.max(1, bins);
        double width = (hi - lo) / k;
        List<Double> edges = new ArrayList<>(k + 1);
        for (int b = 0; b <= k; b++) {
            edges.add(b == k ? hi : lo + b * width);
        }
        return new DriftMeasurements.Histogram.Numeric(edges, densities(ra, lo, width, k), densities(rb, lo, width, k),
                referenceMissing, currentMissing);
    }

    /**
     * {@code levels[l]} has {@code ca[l]} reference and {@code cb[l]} current rows; at most
     * {@code top} categories are named, the rest go to {@link #OTHER}.
     */
    static DriftMeasurements.Histogram.Categorical categorical(List<String> levels, long[] ca, long[] cb, int missingA, int missingB, int top) {
        double na = Arrays.stream(ca).sum();
        double nb = Arrays.stream(cb).sum();
        Integer[] order = new Integer[levels.size()];
        for (int l = 0; l < order.length; l++) {
            order[l] = l;
        }
        Comparator<Integer> bySize = Comparator.comparingDouble(l -> -Math.max(ca[l] / Math.max(1, na), cb[l] / Math.max(1, nb)));
        Arrays.sort(order, bySize.thenComparing(l -> levels.get(l)));
        List<String> names = new ArrayList<>();
        List<Double> ref = new ArrayList<>();
        List<Double> cur = new ArrayList<>();
        List<Boolean> fresh = new ArrayList<>();
        double otherA = 0;
        double otherB = 0;
        int shown = 0;
        for (Integer l : order) {
            if (ca[l] + cb[l] == 0) {
                continue;
            }
            if (shown < top) {
                names.add(levels.get(l));
                ref.add(na == 0 ? 0.0 : ca[l] / na);
                cur.add(nb == 0 ? 0.0 : cb[l] / nb);
                fresh.add(ca[l] == 0);
                shown++;
            } else {
                otherA += ca[l];
                otherB += cb[l];
            }
        }
        if (otherA + otherB > 0) {
            names.add(OTHER);
            ref.add(na == 0 ? 0.0 : otherA / na);
            cur.add(nb == 0 ? 0.0 : otherB / nb);
            fresh.add(false);
        }
        return new DriftMeasurements.Histogram.Categorical(names, ref, cur, fresh, otherA + otherB > 0,
                share(missingA, (long) na + missingA), share(missingB, (long) nb + missingB));
    }

    /**
     * The distributions the report draws from drift's per-feature measurements (as measured, or as the
     * failure log kept them): every drifted feature, at most {@value #MAX_SHOWN}, or when none drifted
     * the {@value #WHEN_NONE_DRIFTED} first (largest PSI); none when no feature has a histogram.
     */
    static List<DetectorChart> gallery(List<DriftMeasurements.FeatureDrift> perFeature, String referenceLabel,
                                       String currentLabel) {
        List<DriftMeasurements.FeatureDrift> features = perFeature.stream().filter(f -> f.histogram() != null).toList();
        List<DriftMeasurements.FeatureDrift> drifted = features.stream().filter(DriftMeasurements.FeatureDrift::drifted).toList();
        List<DriftMeasurements.FeatureDrift> shown;
        String caption;
        if (drifted.isEmpty()) {
            shown = features.subList(0, Math.min(WHEN_NONE_DRIFTED, features.size()));
            caption = "No feature drifted; the " + shown.size() + " with the largest PSI:";
        } else {
            shown = drifted.subList(0, Math.min(MAX_SHOWN, drifted.size()));
            caption = drifted.size() > shown.size()
                    ? "The " + shown.size() + " drifted features with the largest PSI (of " + drifted.size() + " drifted):"
                    : "Drifted features: reference and current distributions.";
        }
        if (shown.isEmpty()) {
            return List.of();
        }
        return List.of(new DetectorChart.Gallery(caption, shown.stream()
                .map(f -> chart(f.feature(), f.histogram(), referenceLabel, currentLabel))
                .toList()));
    }

    /** One histogram as {@link #numeric} or {@link #categorical} made it (or JSON kept it), as a chart description. */
    static DetectorChart.Distribution chart(String feature, DriftMeasurements.Histogram h, String referenceLabel,
                                            String currentLabel) {
        if (h instanceof DriftMeasurements.Histogram.Categorical c) {
            return new DetectorChart.Distribution(feature, referenceLabel, currentLabel, new double[0], c.categories(),
                    fresh(c), numbers(c.referenceShare()), numbers(c.currentShare()), c.referenceMissingShare(),
                    c.currentMissingShare());
        }
        DriftMeasurements.Histogram.Numeric n = (DriftMeasurements.Histogram.Numeric) h;
        return new DetectorChart.Distribution(feature, referenceLabel, currentLabel, numbers(n.edges()), List.of(), List.of(),
                numbers(n.referenceDensity()), numbers(n.currentDensity()), n.referenceMissingShare(), n.currentMissingShare());
    }

    /** Which categories are new, one flag each (a flag JSON lost counts as not new). */
    private static List<Boolean> fresh(DriftMeasurements.Histogram.Categorical c) {
        List<Boolean> fresh = new ArrayList<>(c.categories().size());
        for (int i = 0; i < c.categories().size(); i++) {
            fresh.add(i < c.fresh().size() && Boolean.TRUE.equals(c.fresh().get(i)));
        }
        return fresh;
    }

    private static double[] numbers(List<Double> values) {
        return values.stream().mapToDouble(v -> v == null ? 0 : v).toArray();
    }

    private static List<Double> densities(double[] values, double lo, double width, int k) {
        long[] counts = new long[k];
        for (double v : values) {
            counts[Math.min(k - 1, Math.max(0, (int) Math.floor((v - lo) / width)))]++;
        }
        List<Double> out = new ArrayList<>(k);
        for (long c : counts) {
            out.add(values.length == 0 ? 0.0 : c / (values.length * width));
        }
        return out;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }
}
