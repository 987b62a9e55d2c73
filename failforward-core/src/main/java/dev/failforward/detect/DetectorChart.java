package dev.failforward.detect;

import dev.failforward.api.PublicApi;

import java.util.List;

/**
 * A chart a detector asks the report to draw from its measurements, described as data: renderers
 * draw any detector's charts without knowing the detector.
 */
@PublicApi
public sealed interface DetectorChart {

    String title();

    /** Named bars, such as the failure rate of each slice or the PSI of each feature. */
    record Bars(String title, String xLabel, String yLabel, List<String> names, double[] values) implements DetectorChart {
        public Bars {
            names = List.copyOf(names);
            values = values.clone();
            if (names.size() != values.length) {
                throw new IllegalArgumentException(title + ": " + names.size() + " names for " + values.length + " values");
            }
        }
    }

    /**
     * A line through points with a tooltip each, over the diagonal y = x on [0, 1] when {@code diagonal}
     * (what perfect calibration would be).
     */
    record Curve(String title, String xLabel, String yLabel, String name, double[] x, double[] y, List<String> tooltips,
                 boolean diagonal) implements DetectorChart {
        public Curve {
            x = x.clone();
            y = y.clone();
            tooltips = List.copyOf(tooltips);
            if (x.length != y.length) {
                throw new IllegalArgumentException(title + ": " + x.length + " x values for " + y.length + " y values");
            }
        }
    }

    /**
     * One variable's two distributions side by side, reference and current: densities over the shared
     * bin {@code edges} for numbers ({@code categories} empty), or shares of {@code categories} (edges
     * empty), those the reference never had marked in {@code fresh}. Missing shares are noted, not drawn.
     */
    record Distribution(String feature, String referenceLabel, String currentLabel, double[] edges,
                        List<String> categories, List<Boolean> fresh, double[] reference, double[] current,
                        double referenceMissing, double currentMissing) implements DetectorChart {
        public Distribution {
            edges = edges.clone();
            categories = List.copyOf(categories);
            fresh = List.copyOf(fresh);
            reference = reference.clone();
            current = current.clone();
        }

        @Override
        public String title() {
            return "Distribution of " + feature;
        }

        public boolean numeric() {
            return categories.isEmpty();
        }
    }

    /** Distributions shown together under one caption (its title), such as those of the features that drifted. */
    record Gallery(String title, List<Distribution> charts) implements DetectorChart {
        public Gallery {
            charts = List.copyOf(charts);
        }
    }
}
