package dev.failforward.report;

import dev.failforward.detect.DetectorResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The drift section's histograms: for each drifted feature (or, when none drifted, the few that
 * moved most) the reference and current distributions side by side — densities over the same
 * bins for numbers, shares of the top categories for categories, categories the reference never
 * had marked "new". Drawn only from the drift measurement stored in the run (its
 * {@code features[].histogram}), so a re-rendered report shows the same. Capped at
 * {@value #MAX_FEATURES} features to keep the page small.
 */
final class DriftHistograms {

    static final int MAX_FEATURES = 6;
    private static final int WHEN_NONE_DRIFTED = 3;
    private static final double WIDTH = 600;
    private static final double HEIGHT = 390;
    private static final double LEFT = 68;
    private static final double RIGHT = 24;
    private static final double TOP = 66;
    private static final double BOTTOM = 96;

    private DriftHistograms() {
    }

    /** The histograms of a drift result into {@code h}; nothing when the result holds none. */
    @SuppressWarnings("unchecked")
    static void render(Markup h, DetectorResult drift) {
        Object list = drift.measurements().get("features");
        if (!(list instanceof List<?> all) || all.isEmpty()) {
            return;
        }
        List<Map<String, Object>> features = new ArrayList<>();
        for (Object o : all) {
            if (o instanceof Map<?, ?> f && f.get("histogram") instanceof Map<?, ?>) {
                features.add((Map<String, Object>) f);
            }
        }
        List<Map<String, Object>> drifted = features.stream().filter(f -> Boolean.TRUE.equals(f.get("drifted"))).toList();
        List<Map<String, Object>> shown;
        String caption;
        if (drifted.isEmpty()) {
            shown = features.subList(0, Math.min(WHEN_NONE_DRIFTED, features.size()));
            caption = "No feature drifted; the " + shown.size() + " with the largest PSI:";
        } else {
            shown = drifted.subList(0, Math.min(MAX_FEATURES, drifted.size()));
            caption = drifted.size() > shown.size()
                    ? "The " + shown.size() + " drifted features with the largest PSI (of " + drifted.size() + " drifted):"
                    : "Drifted features: reference and current distributions.";
        }
        if (shown.isEmpty()) {
            return;
        }
        String reference = "reference (" + drift.measurements().getOrDefault("reference", "reference") + " rows)";
        Object cur = drift.measurements().getOrDefault("current", "current rows");
        String current = "current (" + cur + ")";
        h.element("p", caption, "class", "lead drift-histograms-caption");
        h.open("div", "class", "charts drift-histograms");
        for (Map<String, Object> f : shown) {
            h.open("figure", "class", "drift-histogram").raw(chart(f, reference, current)).close();
        }
        h.close();
    }

    @SuppressWarnings("unchecked")
    static String chart(Map<String, Object> f, String reference, String current) {
        String feature = String.valueOf(f.get("feature"));
        Map<String, Object> hist = (Map<String, Object>) f.get("histogram");
        boolean numeric = "numeric".equals(hist.get("kind"));
        Svg svg = new Svg(WIDTH, HEIGHT, "Distribution of " + feature + ": reference vs current");
        svg.label(16, 24, Format.shorten("Distribution of " + feature, 70), "Distribution of " + feature,
                Svg.TextKind.TITLE, "start", 0);
        legend(svg, reference, current, hist);
        if (numeric) {
            numeric(svg, feature, hist);
        } else {
            categorical(svg, feature, hist);
        }
        return svg.build();
    }

    private static void legend(Svg svg, String reference, String current, Map<String, Object> hist) {
        svg.rect(LEFT, 34, 12, 12, Palette.BLUE, null);
        String r = Format.shorten(reference, 34);
        svg.label(LEFT + 17, 44, r, reference, Svg.TextKind.TICK, "start", 0);
        double x = LEFT + 17 + r.length() * 6.3 + 16;
        svg.rect(x, 34, 12, 12, Palette.VERMILLION, null);
        String c = Format.shorten(current, 34);
        svg.label(x + 17, 44, c, current, Svg.TextKind.TICK, "start", 0);
        double ma = number(hist.get("reference_missing_share"));
        double mb = number(hist.get("current_missing_share"));
        if (ma > 0 || mb > 0) {
            svg.text(WIDTH - RIGHT, 58, "missing (not drawn): " + Format.percent(ma) + " reference, " + Format.percent(mb)
                    + " current", Svg.TextKind.NOTE, "end");
        }
    }

    private static void numeric(Svg svg, String feature, Map<String, Object> hist) {
        double[] edges = numbers(hist.get("edges"));
        double[] ref = numbers(hist.get("reference_density"));
        double[] cur = numbers(hist.get("current_density"));
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

    @SuppressWarnings("unchecked")
    private static void categorical(Svg svg, String feature, Map<String, Object> hist) {
        List<Object> names = hist.get("categories") instanceof List<?> l ? (List<Object>) l : List.of();
        double[] ref = numbers(hist.get("reference_share"));
        double[] cur = numbers(hist.get("current_share"));
        List<Object> fresh = hist.get("new") instanceof List<?> l ? (List<Object>) l : List.of();
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
            String name = String.valueOf(names.get(i));
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

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    private static double[] numbers(Object o) {
        if (!(o instanceof List<?> l)) {
            return new double[0];
        }
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i) instanceof Number n ? n.doubleValue() : 0;
        }
        return out;
    }
}
