package dev.failforward.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Small static charts as inline SVG, so that a report opens offline with no script: line,
 * scatter, histogram, bar and heatmap. Every chart has a title, labelled axes and round ticks;
 * labels from data are shortened to fit and keep their full text as a tooltip.
 */
public final class Charts {

    static final double WIDTH = 600;
    static final double HEIGHT = 380;
    private static final double LEFT = 68;
    private static final double RIGHT = 24;
    private static final double TOP = 60;
    private static final double BOTTOM = 54;
    private static final int AXIS_LABEL_CHARS = 80;
    /** About how wide one character of tick text is, to decide when labels must turn or shorten. */
    private static final double CHAR_WIDTH = 6.6;
    /** Turned tick labels: the angle, and how far below the axis their anchor sits. */
    private static final double TURN = -35;
    private static final double TICK_GAP = 14;

    private Charts() {
    }

    /** Where the data is drawn inside the chart. */
    private record Frame(double left, double top, double right, double bottom) {
        double width() {
            return right - left;
        }

        double height() {
            return bottom - top;
        }
    }

    /** Lines (and dots) over numeric axes, such as a ROC or a reliability curve. */
    public static String line(String title, String xLabel, String yLabel, List<Series> series) {
        double[] xs = bounds(series, true);
        double[] ys = bounds(series, false);
        return xy(title, xLabel, yLabel, series, xs, ys);
    }

    /**
     * Points over numeric axes. With {@code identityLine}, both axes share one range and a dashed
     * line marks {@code y = x} (predicted against actual).
     */
    public static String scatter(String title, String xLabel, String yLabel, List<Series> series, boolean identityLine) {
        double[] xs = bounds(series, true);
        double[] ys = bounds(series, false);
        List<Series> all = new ArrayList<>(series);
        if (identityLine && xs != null && ys != null) {
            double lo = Math.min(xs[0], ys[0]);
            double hi = Math.max(xs[1], ys[1]);
            xs = new double[] {lo, hi};
            ys = xs;
            all.add(0, Series.dashed("y = x", new double[] {lo, hi}, new double[] {lo, hi}, Palette.GREY));
        }
        return xy(title, xLabel, yLabel, all, xs, ys);
    }

    /** How {@code values} are distributed, in {@code bins} bins of a round width. Non-finite values are left out. */
    public static String histogram(String title, String xLabel, double[] values, int bins, String color) {
        Svg svg = start(title);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                n++;
            }
        }
        if (n == 0) {
            return empty(svg);
        }
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double width = Scale.niceStep((hi - lo) / Math.max(1, bins));
        if ((hi - lo) / width < bins / 2.0) {
            // A round step can be up to 2.5 times the asked-for width: halve it when bins would be far too few.
            width /= 2;
        }
        double start = Math.floor(lo / width) * width;
        int count = Math.max(1, (int) Math.ceil((hi - start) / width + 1e-9));
        if (start + count * width <= hi) {
            count++;
        }
        long[] counts = new long[count];
        for (double v : values) {
            if (Double.isFinite(v)) {
                counts[Math.min(count - 1, (int) Math.floor((v - start) / width))]++;
            }
        }
        long max = 0;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        Frame f = frame();
        Scale x = Scale.nice(start, start + count * width, 6, f.left(), f.right());
        Scale y = Scale.nice(0, max, 5, f.bottom(), f.top());
        axes(svg, f, x, y, xLabel, "Rows");
        for (int b = 0; b < count; b++) {
            double a = start + b * width;
            double x0 = x.map(a);
            double x1 = x.map(a + width);
            double top = y.map(counts[b]);
            svg.rect(x0 + 0.5, top, x1 - x0 - 1, f.bottom() - top, color,
                    "[" + Format.number(a) + ", " + Format.number(a + width) + "): " + Format.count(counts[b]) + " rows");
        }
        baseline(svg, f);
        return svg.build();
    }

    /** One bar per category, labelled with its value. */
    public static String bar(String title, String xLabel, String yLabel, List<String> categories, double[] values, String color) {
        return bar(title, xLabel, yLabel, categories, values, color, Double.NaN, null);
    }

    /**
     * The same with a dashed horizontal line at {@code reference} (such as the overall rate the bars
     * are compared with), named {@code referenceLabel}; no line when the reference is NaN.
     */
    public static String bar(String title, String xLabel, String yLabel, List<String> categories, double[] values, String color,
                             double reference, String referenceLabel) {
        if (categories.size() != values.length) {
            throw new IllegalArgumentException(categories.size() + " categories but " + values.length + " values");
        }
        Svg svg = start(title);
        if (values.length == 0) {
            return empty(svg);
        }
        double lo = Double.isFinite(reference) ? Math.min(0, reference) : 0;
        double hi = Double.isFinite(reference) ? Math.max(0, reference) : 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double slot = frame().width() / values.length;
        boolean rotate = CHAR_WIDTH * longest(categories, 14) > slot - 6;
        int chars = rotate ? 14 : Math.max(3, (int) (slot / CHAR_WIDTH));
        // Turned labels hang below their anchor: the plot gives up the height they need, so none is cut.
        Frame f = rotate ? frameAbove(TICK_GAP + turnedDepth(Math.min(chars, longest(categories, chars))) + 8) : frame();
        Scale y = Scale.nice(lo, hi == lo ? lo + 1 : hi, 5, f.bottom(), f.top());
        for (double t : y.ticks()) {
            double py = y.map(t);
            svg.line(f.left(), py, f.right(), py, Palette.GRID, 1, null);
            svg.text(f.left() - 8, py + 4, Format.tick(t), Svg.TextKind.TICK, "end");
        }
        double barWidth = Math.min(80, slot * 0.7);
        for (int i = 0; i < values.length; i++) {
            double centre = f.left() + slot * (i + 0.5);
            String name = categories.get(i);
            if (Double.isFinite(values[i])) {
                double zero = y.map(0);
                double top = y.map(values[i]);
                svg.rect(centre - barWidth / 2, Math.min(zero, top), barWidth, Math.abs(zero - top), color,
                        name + ": " + Format.number(values[i]));
                // A value label that would run into its neighbours is left to the bar's tooltip.
                String label = Format.brief(values[i]);
                if (CHAR_WIDTH * label.length() <= slot - 4) {
                    svg.text(centre, Math.min(zero, top) - 5, label, Svg.TextKind.VALUE, "middle");
                }
            }
            if (rotate) {
                svg.label(centre + 4, f.bottom() + TICK_GAP, Format.shorten(name, chars), name, Svg.TextKind.TICK, "end", TURN);
            } else {
                svg.label(centre, f.bottom() + 16, Format.shorten(name, chars), name, Svg.TextKind.TICK, "middle", 0);
            }
        }
        svg.line(f.left(), y.map(0), f.right(), y.map(0), Palette.AXIS, 1, null);
        if (Double.isFinite(reference)) {
            String name = referenceLabel == null ? Format.number(reference) : referenceLabel;
            svg.line(f.left(), y.map(reference), f.right(), y.map(reference), Palette.AXIS, 1.5, "6 4");
            svg.label(f.right(), y.map(reference) - 5, Format.shorten(name, 40), name, Svg.TextKind.NOTE, "end", 0);
        }
        axisTitles(svg, f, rotate ? "" : xLabel, yLabel);
        return svg.build();
    }

    /**
     * A matrix of counts (rows × columns, such as true × predicted class). Each cell's colour is
     * its share of the row, so that small classes show as clearly as large ones.
     */
    public static String heatmap(String title, String xLabel, String yLabel, List<String> rows, List<String> columns,
                                 long[][] counts) {
        Svg svg = start(title);
        if (rows.isEmpty() || columns.isEmpty()) {
            return empty(svg);
        }
        if (counts.length != rows.size()) {
            throw new IllegalArgumentException(rows.size() + " row labels but " + counts.length + " rows of counts");
        }
        svg.text(16, 42, "Colour: share of the row; cells show count and row share", Svg.TextKind.NOTE, "start");
        int size = Math.max(rows.size(), columns.size());
        double rowLabels = Math.min(120, CHAR_WIDTH * longest(rows, 16) + 4);
        double grid = Math.min(WIDTH - 36 - rowLabels - 8 - RIGHT, HEIGHT - TOP - 66);
        double cell = Math.min(140, grid / size);
        boolean rotate = CHAR_WIDTH * longest(columns, 16) > cell - 6;
        double totalWidth = 36 + rowLabels + 8 + cell * columns.size();
        double origin = Math.max(0, (WIDTH - totalWidth) / 2);
        double left = origin + 36 + rowLabels + 8;
        Frame f = new Frame(left, TOP, left + cell * columns.size(), TOP + cell * rows.size());
        // With many classes, label every k-th row and column so that labels do not overlap.
        int every = (int) Math.ceil(14 / cell);
        for (int r = 0; r < rows.size(); r++) {
            if (counts[r].length != columns.size()) {
                throw new IllegalArgumentException("row " + r + " has " + counts[r].length + " counts for " + columns.size() + " columns");
            }
            long total = 0;
            for (long c : counts[r]) {
                total += c;
            }
            for (int c = 0; c < columns.size(); c++) {
                double share = total == 0 ? 0 : (double) counts[r][c] / total;
                double x = f.left() + c * cell;
                double y = f.top() + r * cell;
                svg.rect(x, y, cell - 1, cell - 1, Palette.sequential(share),
                        yLabel + " " + rows.get(r) + ", " + xLabel + " " + columns.get(c) + ": "
                                + Format.count(counts[r][c]) + " (" + Format.percent(share) + " of the row)");
                if (cell >= 22) {
                    String ink = Palette.darkBackground(share) ? "#ffffff" : "#111827";
                    boolean two = cell >= 44;
                    svg.text(x + cell / 2, y + cell / 2 + (two ? -2 : 4), Format.count(counts[r][c]), Svg.TextKind.VALUE,
                            "middle", ink, 0);
                    if (two) {
                        svg.text(x + cell / 2, y + cell / 2 + 14, Format.percent(share), Svg.TextKind.TICK, "middle", ink, 0);
                    }
                }
            }
            if (r % every == 0) {
                svg.label(f.left() - 8, f.top() + (r + 0.5) * cell + 4, Format.shorten(rows.get(r), 16), rows.get(r),
                        Svg.TextKind.TICK, "end", 0);
            }
        }
        for (int c = 0; c < columns.size(); c += every) {
            double centre = f.left() + (c + 0.5) * cell;
            String name = columns.get(c);
            if (rotate) {
                svg.label(centre + 4, f.bottom() + TICK_GAP, Format.shorten(name, 12), name, Svg.TextKind.TICK, "end", TURN);
            } else {
                svg.label(centre, f.bottom() + 16, Format.shorten(name, 16), name, Svg.TextKind.TICK, "middle", 0);
            }
        }
        svg.label((f.left() + f.right()) / 2, Math.min(HEIGHT - 8, f.bottom() + (rotate ? 60 : 38)),
                Format.shorten(xLabel, 40), xLabel, Svg.TextKind.AXIS_LABEL, "middle", 0);
        svg.label(origin + 14, (f.top() + f.bottom()) / 2, Format.shorten(yLabel, 40), yLabel, Svg.TextKind.AXIS_LABEL,
                "middle", -90);
        return svg.build();
    }

    private static String xy(String title, String xLabel, String yLabel, List<Series> series, double[] xs, double[] ys) {
        Svg svg = start(title);
        if (xs == null || ys == null) {
            return empty(svg);
        }
        legend(svg, series);
        Frame f = frame();
        Scale x = Scale.nice(xs[0], xs[1], 6, f.left(), f.right());
        Scale y = Scale.nice(ys[0], ys[1], 5, f.bottom(), f.top());
        axes(svg, f, x, y, xLabel, yLabel);
        for (Series s : series) {
            List<double[]> points = new ArrayList<>();
            List<String> tips = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    points.add(new double[] {x.map(s.x()[i]), y.map(s.y()[i])});
                    tips.add(s.tooltips().isEmpty() ? null : s.tooltips().get(i));
                }
            }
            if (s.mark() != Series.Mark.DOTS && points.size() > 1) {
                double[] px = points.stream().mapToDouble(p -> p[0]).toArray();
                double[] py = points.stream().mapToDouble(p -> p[1]).toArray();
                svg.polyline(px, py, s.color(), s.mark() == Series.Mark.DASHED ? 1.5 : 2.25,
                        s.mark() == Series.Mark.DASHED ? "6 5" : null);
            }
            if (s.mark() == Series.Mark.DOTS || s.mark() == Series.Mark.LINE_AND_DOTS) {
                boolean small = s.mark() == Series.Mark.DOTS;
                for (int i = 0; i < points.size(); i++) {
                    svg.circle(points.get(i)[0], points.get(i)[1], small ? 2.6 : 4.5, s.color(), small ? 0.55 : 1, tips.get(i));
                }
            }
        }
        return svg.build();
    }

    private static Svg start(String title) {
        Svg svg = new Svg(WIDTH, HEIGHT, title);
        svg.label(16, 24, Format.shorten(title, 70), title, Svg.TextKind.TITLE, "start", 0);
        return svg;
    }

    private static Frame frame() {
        return new Frame(LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM);
    }

    /** The usual frame, but ending {@code below} points above the chart's bottom edge when that is more. */
    private static Frame frameAbove(double below) {
        return new Frame(LEFT, TOP, WIDTH - RIGHT, HEIGHT - Math.max(BOTTOM, below));
    }

    /** How far a tick label of {@code chars} characters, turned by {@link #TURN} degrees, reaches below its anchor. */
    private static double turnedDepth(int chars) {
        return CHAR_WIDTH * chars * Math.sin(Math.toRadians(-TURN)) + 4;
    }

    private static String empty(Svg svg) {
        svg.text(WIDTH / 2, HEIGHT / 2, "No data to show", Svg.TextKind.NOTE, "middle");
        return svg.build();
    }

    private static void legend(Svg svg, List<Series> series) {
        double x = LEFT;
        for (Series s : series) {
            if (s.name() == null || s.name().isEmpty()) {
                continue;
            }
            if (s.mark() == Series.Mark.DOTS) {
                svg.circle(x + 7, 38, 4, s.color(), 1, null);
            } else {
                svg.line(x, 38, x + 16, 38, s.color(), s.mark() == Series.Mark.DASHED ? 1.5 : 2.5,
                        s.mark() == Series.Mark.DASHED ? "4 3" : null);
            }
            String shown = Format.shorten(s.name(), 32);
            svg.label(x + 22, 42, shown, s.name(), Svg.TextKind.TICK, "start", 0);
            x += 22 + shown.length() * 6.5 + 18;
        }
    }

    private static void axes(Svg svg, Frame f, Scale x, Scale y, String xLabel, String yLabel) {
        for (double t : y.ticks()) {
            double py = y.map(t);
            svg.line(f.left(), py, f.right(), py, Palette.GRID, 1, null);
            svg.text(f.left() - 8, py + 4, Format.tick(t), Svg.TextKind.TICK, "end");
        }
        for (double t : x.ticks()) {
            double px = x.map(t);
            svg.line(px, f.top(), px, f.bottom(), Palette.GRID, 1, null);
            svg.text(px, f.bottom() + 17, Format.tick(t), Svg.TextKind.TICK, "middle");
        }
        baseline(svg, f);
        svg.line(f.left(), f.top(), f.left(), f.bottom(), Palette.AXIS, 1, null);
        axisTitles(svg, f, xLabel, yLabel);
    }

    private static void baseline(Svg svg, Frame f) {
        svg.line(f.left(), f.bottom(), f.right(), f.bottom(), Palette.AXIS, 1, null);
    }

    private static void axisTitles(Svg svg, Frame f, String xLabel, String yLabel) {
        if (!xLabel.isEmpty()) {
            svg.label((f.left() + f.right()) / 2, f.bottom() + 40, Format.shorten(xLabel, AXIS_LABEL_CHARS), xLabel,
                    Svg.TextKind.AXIS_LABEL, "middle", 0);
        }
        svg.label(18, (f.top() + f.bottom()) / 2, Format.shorten(yLabel, 50), yLabel, Svg.TextKind.AXIS_LABEL, "middle", -90);
    }

    private static int longest(List<String> labels, int max) {
        int n = 0;
        for (String l : labels) {
            n = Math.max(n, Format.shorten(l, max).length());
        }
        return n;
    }

    /** {min, max} of the finite x (or y) values of all series, or null when there are none. */
    private static double[] bounds(List<Series> series, boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    double v = xAxis ? s.x()[i] : s.y()[i];
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo > hi ? null : new double[] {lo, hi};
    }
}
