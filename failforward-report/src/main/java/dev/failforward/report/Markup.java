package dev.failforward.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Writes HTML or SVG markup in which every text and attribute value is escaped, so that a value
 * from data (a column name, a category, a label) can only ever show as text. Tag and attribute
 * names are program constants and are checked; {@link #raw} is only for markup this package made.
 */
public final class Markup {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9:-]*");

    private final StringBuilder out = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();

    /** {@code text} with {@code & < > " '} replaced by entities: safe in text and in quoted attributes. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity == null && Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                entity = "&#xFFFD;";
            }
            if (entity != null) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                sb.append(entity);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** A number for an attribute: at most two decimals, no exponent, no {@code -0}. */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        String s = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** Opens {@code <tag a="v" ...>}; attributes are name, value pairs (a {@code null} value leaves the attribute out). */
    public Markup open(String tag, Object... attributes) {
        start(tag, attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    /** Closes the innermost open element. */
    public Markup close() {
        if (open.isEmpty()) {
            throw new IllegalStateException("no open element to close");
        }
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element with only text inside. */
    public Markup element(String tag, String text, Object... attributes) {
        start(tag, attributes);
        out.append('>').append(escape(text)).append("</").append(tag).append('>');
        return this;
    }

    /** An element without content: {@code <tag .../>} (SVG) or a void HTML element such as {@code meta}. */
    public Markup empty(String tag, Object... attributes) {
        start(tag, attributes);
        out.append("/>");
        return this;
    }

    public Markup text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Markup made by this package (a chart, the style sheet); never a value from data. */
    public Markup raw(String markup) {
        out.append(markup);
        return this;
    }

    /** The markup so far; all elements must be closed. */
    public String build() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void start(String tag, Object[] attributes) {
        checkName(tag);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            String name = String.valueOf(attributes[i]);
            checkName(name);
            Object value = attributes[i + 1];
            if (value == null) {
                continue;
            }
            String text = value instanceof Double || value instanceof Float
                    ? number(((Number) value).doubleValue()) : String.valueOf(value);
            out.append(' ').append(name).append("=\"").append(escape(text)).append('"');
        }
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a tag or attribute name: " + name);
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("on") || lower.equals("script")) {
            throw new IllegalArgumentException("reports have no scripts: " + name);
        }
    }
}
