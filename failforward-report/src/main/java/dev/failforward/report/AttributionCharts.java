package dev.failforward.report;

import java.util.List;

/**
 * Horizontal bar charts of attributions, as inline SVG: one explanation's signed attributions
 * (towards the explained output in vermillion, away from it in blue), and the contrast of mean
 * |attribution| on failures against correct predictions, feature by feature.
 */
public final class AttributionCharts {

    private static final double WIDTH = 600;
    private static final double LEFT = 170;
    private static final double RIGHT = 60;
    private static final double TOP = 56;
    private static final double ROW = 22;
    private static final double BOTTOM = 46;
    private static final int LABEL_CHARS = 24;

    private AttributionCharts() {
    }

    /** One bar per feature, from zero to its signed attribution; {@code axis} names the units. */
    public static String signed(String title, String axis, List<String> features, double[] values) {
        if (features.size() != values.length) {
            throw new IllegalArgumentException(features.size() + " features but " + values.length + " values");
        }
        double height = TOP + Math.max(1, values.length) * ROW + BOTTOM;
        Svg svg = new Svg(WIDTH, height, title);
        svg.label(16, 24, Format.shorten(title, 70), title, Svg.TextKind.TITLE, "start", 0);
        double lo = 0;
        double hi = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo == hi) {
            hi = lo + 1;
        }
        Scale x = Scale.nice(lo, hi, 5, LEFT, WIDTH - RIGHT);
        double bottom = TOP + values.length * ROW;
        ticks(svg, x, bottom);
        for (int i = 0; i < values.length; i++) {
            double y = TOP + i * ROW;
            String name = features.get(i);
            svg.label(LEFT - 8, y + ROW / 2 + 4, Format.shorten(name, LABEL_CHARS), name, Svg.TextKind.TICK, "end", 0);
            if (Double.isFinite(values[i])) {
                double zero = x.map(0);
                double end = x.map(values[i]);
                svg.rect(Math.min(zero, end), y + 3, Math.abs(end - zero), ROW - 6,
                        values[i] >= 0 ? Palette.VERMILLION : Palette.BLUE, name + ": " + Format.number(values[i]));
                // Values of bars going left are written right of zero, clear of the feature labels.
                svg.text(values[i] >= 0 ? end + 4 : zero + 4, y + ROW / 2 + 4, Format.brief(values[i]), Svg.TextKind.VALUE, "start");
            }
        }
        svg.line(x.map(0), TOP - 4, x.map(0), bottom, Palette.AXIS, 1, null);
        svg.label((LEFT + WIDTH - RIGHT) / 2, bottom + 36, Format.shorten(axis, 80), axis, Svg.TextKind.AXIS_LABEL, "middle", 0);
        return svg.build();
    }

    /** Two bars per feature: mean |attribution| on failures and on correct predictions. */
    public static String contrast(String title, String axis, List<String> features, double[] failures, double[] correct) {
        if (features.size() != failures.length || features.size() != correct.length) {
            throw new IllegalArgumentException("one value per feature and group is needed");
        }
        double rowHeight = ROW * 1.5;
        double height = TOP + Math.max(1, features.size()) * rowHeight + BOTTOM;
        Svg svg = new Svg(WIDTH, height, title);
        svg.label(16, 24, Format.shorten(title, 70), title, Svg.TextKind.TITLE, "start", 0);
        svg.rect(LEFT, 36, 12, 10, Palette.VERMILLION, null);
        svg.text(LEFT + 16, 45, "failures", Svg.TextKind.TICK, "start");
        svg.rect(LEFT + 90, 36, 12, 10, Palette.GREY, null);
        svg.text(LEFT + 106, 45, "correct predictions", Svg.TextKind.TICK, "start");
        double hi = 0;
        for (int i = 0; i < features.size(); i++) {
            hi = Math.max(hi, Math.max(finite(failures[i]), finite(correct[i])));
        }
        Scale x = Scale.nice(0, hi > 0 ? hi : 1, 5, LEFT, WIDTH - RIGHT);
        double top = TOP + 4;
        double bottom = top + features.size() * rowHeight;
        ticks(svg, x, bottom);
        for (int i = 0; i < features.size(); i++) {
            double y = top + i * rowHeight;
            String name = features.get(i);
            svg.label(LEFT - 8, y + rowHeight / 2 + 4, Format.shorten(name, LABEL_CHARS), name, Svg.TextKind.TICK, "end", 0);
            double barHeight = (rowHeight - 8) / 2;
            bar(svg, x, y + 3, barHeight, failures[i], Palette.VERMILLION, name + " on failures");
            bar(svg, x, y + 3 + barHeight, barHeight, correct[i], Palette.GREY, name + " on correct predictions");
        }
        svg.line(x.map(0), top - 4, x.map(0), bottom, Palette.AXIS, 1, null);
        svg.label((LEFT + WIDTH - RIGHT) / 2, bottom + 36, Format.shorten(axis, 80), axis, Svg.TextKind.AXIS_LABEL, "middle", 0);
        return svg.build();
    }

    private static void bar(Svg svg, Scale x, double y, double h, double v, String color, String what) {
        if (!Double.isFinite(v)) {
            return;
        }
        double zero = x.map(0);
        double end = x.map(v);
        svg.rect(zero, y, end - zero, h, color, what + ": " + Format.number(v));
        svg.text(end + 4, y + h - 2, Format.brief(v), Svg.TextKind.TICK, "start");
    }

    private static void ticks(Svg svg, Scale x, double bottom) {
        for (double t : x.ticks()) {
            double px = x.map(t);
            svg.line(px, TOP - 4, px, bottom, Palette.GRID, 1, null);
            svg.text(px, bottom + 16, Format.tick(t), Svg.TextKind.TICK, "middle");
        }
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
