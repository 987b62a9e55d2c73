package dev.failforward.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers and times as people read them in a report (the JSON and CSV keep full precision). */
final class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** Four significant digits below 1000, whole numbers with thousands separators above. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v == 0) {
            return "0";
        }
        return BigDecimal.valueOf(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Three significant digits (thousands separated above 1000), for labels on bars. */
    static String brief(double v) {
        if (!Double.isFinite(v) || Math.abs(v) >= 1000 || v == 0) {
            return number(v);
        }
        return BigDecimal.valueOf(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static String number(Double v) {
        return v == null ? "—" : number(v.doubleValue());
    }

    static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A tick label: short forms for large values (12k, 1.5M), no trailing zeros. */
    static String tick(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return plain(v / 1e9) + "G";
        }
        if (a >= 1e6) {
            return plain(v / 1e6) + "M";
        }
        if (a >= 1e4) {
            return plain(v / 1e3) + "k";
        }
        return plain(v);
    }

    /** A value from data as it was read: whole numbers without ".0", others in full. */
    static String value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        return String.valueOf(v);
    }

    static String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

    /** {@code text} cut to {@code max} characters with an ellipsis, for labels in tight places. */
    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, Math.max(1, max - 1))) + "…";
    }

    private static String plain(double v) {
        String s = BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
