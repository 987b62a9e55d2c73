package dev.failforward.report;

import java.util.List;

/**
 * One named set of points for {@link Charts#line} and {@link Charts#scatter}, drawn as a line,
 * a dashed reference line, dots, or a line with dots. {@code tooltips} is empty or has one
 * entry per point.
 */
public record Series(String name, double[] x, double[] y, String color, Mark mark, List<String> tooltips) {

    public enum Mark { LINE, DASHED, DOTS, LINE_AND_DOTS }

    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x but " + y.length + " y values");
        }
        tooltips = List.copyOf(tooltips);
        if (!tooltips.isEmpty() && tooltips.size() != x.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + tooltips.size() + " tooltips for " + x.length + " points");
        }
    }

    public static Series line(String name, double[] x, double[] y, String color) {
        return new Series(name, x, y, color, Mark.LINE, List.of());
    }

    public static Series dashed(String name, double[] x, double[] y, String color) {
        return new Series(name, x, y, color, Mark.DASHED, List.of());
    }

    public static Series dots(String name, double[] x, double[] y, String color) {
        return new Series(name, x, y, color, Mark.DOTS, List.of());
    }

    public Series withTooltips(List<String> perPoint) {
        return new Series(name, x, y, color, mark, perPoint);
    }
}
