package dev.failforward.cli;

/** Small helpers for terminal text. */
final class Text {

    /** What a control character in a data value shows as on the terminal. */
    static final char REPLACED = '\uFFFD';

    private Text() {
    }

    /** At most {@code width} characters on one line, with "…" where it was cut; control characters replaced. */
    static String clip(String s, int width) {
        if (s == null) {
            return "";
        }
        String one = safe(s);
        return one.length() <= width ? one : one.substring(0, Math.max(0, width - 1)) + "…";
    }

    /**
     * {@code s} safe to print on a terminal: a line break or tab becomes a space, and every other
     * control character (escape sequences that recolour, move the cursor or retitle the window,
     * C1 controls, bidirectional overrides that reorder what is shown) becomes {@link #REPLACED}.
     */
    static String safe(Object value) {
        if (value == null) {
            return "null";
        }
        String s = String.valueOf(value);
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char r = c == '\n' || c == '\r' || c == '\t' ? ' ' : control(c) ? REPLACED : c;
            if (r != c && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(r);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean control(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
