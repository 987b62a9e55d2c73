package dev.failforward.report;

import dev.failforward.detect.DetectorChart;

import java.util.List;

/**
 * Reference and current distributions side by side ({@link DetectorChart.Distribution}), drawn in a
 * {@link DetectorChart.Gallery} under its caption: densities over the same bins for numbers, shares of
 * the top categories for categories, categories the reference never had marked "new". Drift describes
 * them from the histograms it stored with the run, so a re-rendered report shows the same.
 */
final class DistributionCharts {

    private static final double WIDTH = 600;
    private static final double HEIGHT = 390;
    private static final double LEFT = 68;
    private static final double RIGHT = 24;
    private static final double TOP = 66;
    private static final double BOTTOM = 96;

    private DistributionCharts() {
    }

    /** The gallery's caption and its charts into {@code h}. */
    static void render(Markup h, DetectorChart.Gallery gallery) {
        h.element("p", gallery.title(), "class", "lead drift-histograms-caption");
        h.open("div", "class", "charts drift-histograms");
        for (DetectorChart.Distribution d : gallery.charts()) {
            h.open("figure", "class", "drift-histogram").raw(chart(d)).close();
        }
        h.close();
    }

    static String chart(DetectorChart.Distribution d) {
        String feature = d.feature();
        Svg svg = new Svg(WIDTH, HEIGHT, "Distribution of " + feature + ": reference vs current");
        svg.label(16, 24, Format.shorten("Distribution of " + feature, 70), "Distribution of " + feature,
                Svg.TextKind.TITLE, "start", 0);
        legend(svg, d);
        if (d.numeric()) {
            numeric(svg, d);
        } else {
            categorical(svg, d);
        }
        return svg.build();
    }

    private static void legend(Svg svg, DetectorChart.Distribution d) {
        String reference = d.referenceLabel();
        String current = d.currentLabel();
        svg.rect(LEFT, 34, 12, 12, Palette.BLUE, null);
        String r = Format.shorten(reference, 34);
        svg.label(LEFT + 17, 44, r, reference, Svg.TextKind.TICK, "start", 0);
        double x = LEFT + 17 + r.length() * 6.3 + 16;
        svg.rect(x, 34, 12, 12, Palette.VERMILLION, null);
        String c = Format.shorten(current, 34);
        svg.label(x + 17, 44, c, current, Svg.TextKind.TICK, "start", 0);
        double ma = d.referenceMissing();
        double mb = d.currentMissing();
        if (ma > 0 || mb > 0) {
            svg.text(WIDTH - RIGHT, 58, "missing (not drawn): " + Format.percent(ma) + " reference, " + Format.percent(mb)
                    + " current", Svg.TextKind.NOTE, "end");
        }
    }

    private static void numeric(Svg svg, DetectorChart.Distribution d) {
        String feature = d.feature();
        double[] edges = d.edges();
        double[] ref = d.reference();
        double[] cur = d.current();
        int k = Math.min(ref.length, cur.length);
        if (edges.length < 2 || k == 0 || edges.length != k + 1) {
            svg.text(WIDTH / 2, HEIGHT / 2, "No values to show", Svg.TextKind.NOTE, "middle");
            return;
        }
        double bottom = HEIGHT - BOTTOM;
        Scale x = Scale.nice(edges[0], edges[k], 6, LEFT, WIDTH - RIGHT);
        Scale y = grid(svg, ref, cur, k);
        for (double t : x.ticks()) {
            double px = x.map(t);
            svg.line(px, bottom, px, bottom + 4, Palette.AXIS, 1, null);
            svg.text(px, bottom + 17, Format.tick(t), Svg.TextKind.TICK, "middle");
        }
        for (int b = 0; b < k; b++) {
            double x0 = x.map(edges[b]);
            double x1 = x.map(edges[b + 1]);
            double half = (x1 - x0) / 2;
            String range = "[" + Format.number(edges[b]) + ", " + Format.number(edges[b + 1]) + ")";
            double top = y.map(ref[b]);
            svg.rect(x0 + 0.5, top, half - 0.5, bottom - top, Palette.BLUE,
                    feature + " " + range + ": reference density " + Format.number(ref[b]));
            top = y.map(cur[b]);
            svg.rect(x0 + half, top, half - 0.5, bottom - top, Palette.VERMILLION,
                    feature + " " + range + ": current density " + Format.number(cur[b]));
        }
        axes(svg, feature, "density (share per unit)");
    }

    private static void categorical(Svg svg, DetectorChart.Distribution d) {
        String feature = d.feature();
        List<String> names = d.categories();
        double[] ref = d.reference();
        double[] cur = d.current();
        List<Boolean> fresh = d.fresh();
        int k = Math.min(names.size(), Math.min(ref.length, cur.length));
        if (k == 0) {
            svg.text(WIDTH / 2, HEIGHT / 2, "No values to show", Svg.TextKind.NOTE, "middle");
            return;
        }
        double bottom = HEIGHT - BOTTOM;
        Scale y = grid(svg, ref, cur, k);
        double slot = (WIDTH - RIGHT - LEFT) / k;
        double bar = Math.min(36, slot * 0.38);
        for (int i = 0; i < k; i++) {
            String name = names.get(i);
            boolean isNew = i < fresh.size() && Boolean.TRUE.equals(fresh.get(i));
            double centre = LEFT + slot * (i + 0.5);
            double top = y.map(ref[i]);
            svg.rect(centre - bar, top, bar - 1, bottom - top, Palette.BLUE,
                    feature + " = " + name + ": " + Format.percent(ref[i]) + " of reference rows");
            top = y.map(cur[i]);
            svg.rect(centre, top, bar - 1, bottom - top, Palette.VERMILLION,
                    feature + " = " + name + ": " + Format.percent(cur[i]) + " of current rows" + (isNew ? " (new category)" : ""));
            if (isNew) {
                svg.text(centre, Math.min(top, bottom) - 6, "new", Svg.TextKind.VALUE, "middle", Palette.VERMILLION, 0);
            }
            String shown = Format.shorten((isNew ? "new: " : "") + name, 16);
            svg.label(centre + 4, bottom + 14, shown, (isNew ? "new category: " : "") + name, Svg.TextKind.TICK, "end", -35);
        }
        axes(svg, "", "share of rows");
    }

    /** The y scale from 0 to the larger of both sides' first {@code k} values, drawn as grid lines with ticks. */
    private static Scale grid(Svg svg, double[] ref, double[] cur, int k) {
        double max = 0;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, Math.max(ref[i], cur[i]));
        }
        Scale y = Scale.nice(0, max == 0 ? 1 : max, 5, HEIGHT - BOTTOM, TOP);
        for (double t : y.ticks()) {
            double py = y.map(t);
            svg.line(LEFT, py, WIDTH - RIGHT, py, Palette.GRID, 1, null);
            svg.text(LEFT - 8, py + 4, Format.tick(t), Svg.TextKind.TICK, "end");
        }
        return y;
    }

    private static void axes(Svg svg, String xLabel, String yLabel) {
        double bottom = HEIGHT - BOTTOM;
        svg.line(LEFT, bottom, WIDTH - RIGHT, bottom, Palette.AXIS, 1, null);
        svg.line(LEFT, TOP, LEFT, bottom, Palette.AXIS, 1, null);
        if (!xLabel.isEmpty()) {
            svg.label((LEFT + WIDTH - RIGHT) / 2, bottom + 40, Format.shorten(xLabel, 80), xLabel, Svg.TextKind.AXIS_LABEL, "middle", 0);
        }
        svg.label(18, (TOP + bottom) / 2, yLabel, yLabel, Svg.TextKind.AXIS_LABEL, "middle", -90);
    }
}
