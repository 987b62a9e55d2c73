package dev.failforward.compare;

import dev.failforward.report.Markup;
import dev.failforward.report.Svg;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal interval ("forest") chart: one row per label with a point and its interval, around
 * a zero line, red where the candidate is worse. Labels from data are escaped by {@link Svg}.
 */
final class IntervalChart {

    static final double WIDTH = 760;
    private static final double ROW = 26;
    private static final double LABEL = 300;
    private static final double TOP = 44;
    private static final double BOTTOM = 36;
    private static final String WORSE = "#D55E00";
    private static final String BETTER = "#0072B2";
    private static final String NEUTRAL = "#6b7280";

    private IntervalChart() {
    }

    /** One row: {@code worse} says the point is a deterioration for the candidate. */
    record Row(String label, double point, double low, double high, boolean worse, String tooltip) {
    }

    static String render(String title, String axis, List<Row> rows) {
        double height = TOP + BOTTOM + Math.max(1, rows.size()) * ROW;
        Svg svg = new Svg(WIDTH, height, title);
        svg.text(12, 22, title, Svg.TextKind.TITLE, "start");
        if (rows.isEmpty()) {
            svg.text(WIDTH / 2, TOP + 14, "nothing to show", Svg.TextKind.NOTE, "middle");
            return svg.build();
        }
        double lo = 0;
        double hi = 0;
        for (Row r : rows) {
            for (double v : new double[] {r.point(), r.low(), r.high()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double span = Math.max(Math.max(Math.abs(lo), Math.abs(hi)), 1e-6) * 1.1;
        double left = LABEL + 10;
        double right = WIDTH - 20;
        double zero = (left + right) / 2;
        double scale = (right - left) / 2 / span;
        double bottom = height - BOTTOM;
        svg.line(zero, TOP - 6, zero, bottom, "#374151", 1, "4 3");
        for (double t : new double[] {-span / 1.1, -span / 2.2, span / 2.2, span / 1.1}) {
            double x = zero + t * scale;
            svg.line(x, TOP - 6, x, bottom, "#e5e7eb", 1, null);
            svg.text(x, bottom + 14, String.format(Locale.ROOT, "%+.3g", t), Svg.TextKind.TICK, "middle");
        }
        svg.text(zero, bottom + 14, "0", Svg.TextKind.TICK, "middle");
        svg.text((left + right) / 2, height - 6, axis, Svg.TextKind.AXIS_LABEL, "middle");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double y = TOP + i * ROW + ROW / 2;
            String shown = r.label().length() > 46 ? r.label().substring(0, 45) + "…" : r.label();
            svg.label(LABEL, y + 4, shown, r.label(), Svg.TextKind.TICK, "end", 0);
            String color = r.point() == 0 ? NEUTRAL : r.worse() ? WORSE : BETTER;
            if (Double.isFinite(r.low()) && Double.isFinite(r.high())) {
                svg.line(zero + r.low() * scale, y, zero + r.high() * scale, y, color, 2, null);
                svg.line(zero + r.low() * scale, y - 5, zero + r.low() * scale, y + 5, color, 1.5, null);
                svg.line(zero + r.high() * scale, y - 5, zero + r.high() * scale, y + 5, color, 1.5, null);
            }
            if (Double.isFinite(r.point())) {
                svg.circle(zero + r.point() * scale, y, 4.5, color, 1, r.tooltip());
            }
        }
        return svg.build();
    }

    static String number(double v) {
        return Markup.number(v);
    }
}
