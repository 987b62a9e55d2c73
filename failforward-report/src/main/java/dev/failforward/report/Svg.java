package dev.failforward.report;

/**
 * One SVG drawing, for inline use in a report: a fixed view box that scales to its container, an
 * accessible title, and a few shapes. Text and tooltips are escaped (see {@link Markup}), so
 * labels from data are safe here too.
 */
public final class Svg {

    static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    /** How a piece of text looks; presentation is inline so that a chart also stands alone. */
    public enum TextKind {
        TITLE(15, "600", "#111827"), AXIS_LABEL(12, "500", "#374151"), TICK(11, "400", "#4b5563"),
        VALUE(11, "500", "#111827"), NOTE(12, "400", "#6b7280");

        final int size;
        final String weight;
        final String fill;

        TextKind(int size, String weight, String fill) {
            this.size = size;
            this.weight = weight;
            this.fill = fill;
        }
    }

    private final Markup markup = new Markup();

    /** A drawing of {@code width × height} units whose accessible name is {@code title}. */
    public Svg(double width, double height, String title) {
        markup.open("svg", "class", "chart", "viewBox", "0 0 " + Markup.number(width) + " " + Markup.number(height),
                "width", width, "height", height, "role", "img", "aria-label", title, "font-family", FONT);
        markup.element("title", title);
    }

    /** A rectangle; {@code tooltip} (may be null) shows on hover. */
    public Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        return shape("rect", tooltip, "x", x, "y", y, "width", Math.max(0, w), "height", Math.max(0, h), "fill", fill);
    }

    /** A straight line; {@code dash} is an SVG dash array or null for a solid line. */
    public Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
        markup.empty("line", "x1", x1, "y1", y1, "x2", x2, "y2", y2, "stroke", stroke, "stroke-width", strokeWidth,
                "stroke-dasharray", dash);
        return this;
    }

    /** A connected line through the points (already in drawing coordinates). */
    public Svg polyline(double[] xs, double[] ys, String stroke, double strokeWidth, String dash) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException(xs.length + " x values but " + ys.length + " y values");
        }
        StringBuilder points = new StringBuilder(xs.length * 12);
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                points.append(' ');
            }
            points.append(Markup.number(xs[i])).append(',').append(Markup.number(ys[i]));
        }
        markup.empty("polyline", "points", points.toString(), "fill", "none", "stroke", stroke,
                "stroke-width", strokeWidth, "stroke-dasharray", dash, "stroke-linejoin", "round");
        return this;
    }

    public Svg circle(double cx, double cy, double r, String fill, double opacity, String tooltip) {
        return shape("circle", tooltip, "cx", cx, "cy", cy, "r", r, "fill", fill, "fill-opacity", opacity);
    }

    /** Text anchored at {@code start}, {@code middle} or {@code end} of {@code (x, y)}. */
    public Svg text(double x, double y, String text, TextKind kind, String anchor) {
        return text(x, y, text, kind, anchor, kind.fill, 0);
    }

    /** Text in a given colour, rotated by {@code degrees} about its anchor. */
    public Svg text(double x, double y, String text, TextKind kind, String anchor, String fill, double degrees) {
        markup.element("text", text, "x", x, "y", y, "font-size", kind.size, "font-weight", kind.weight,
                "fill", fill, "text-anchor", anchor,
                "transform", degrees == 0 ? null : "rotate(" + Markup.number(degrees) + " " + Markup.number(x) + " "
                        + Markup.number(y) + ")");
        return this;
    }

    /** Text with a tooltip holding the full value, for labels that were shortened to fit. */
    public Svg label(double x, double y, String shown, String full, TextKind kind, String anchor, double degrees) {
        markup.open("text", "x", x, "y", y, "font-size", kind.size, "font-weight", kind.weight, "fill", kind.fill,
                "text-anchor", anchor,
                "transform", degrees == 0 ? null : "rotate(" + Markup.number(degrees) + " " + Markup.number(x) + " "
                        + Markup.number(y) + ")");
        if (!shown.equals(full)) {
            markup.element("title", full);
        }
        markup.text(shown).close();
        return this;
    }

    /** The SVG element, closed. */
    public String build() {
        return markup + "</svg>";
    }

    @Override
    public String toString() {
        return build();
    }

    private Svg shape(String tag, String tooltip, Object... attributes) {
        if (tooltip == null) {
            markup.empty(tag, attributes);
        } else {
            markup.open(tag, attributes).element("title", tooltip).close();
        }
        return this;
    }
}
