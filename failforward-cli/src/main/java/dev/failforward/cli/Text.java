package dev.failforward.cli;

/** Small helpers for terminal text. */
final class Text {

    private Text() {
    }

    /** At most {@code width} characters on one line, with "…" where it was cut. */
    static String clip(String s, int width) {
        if (s == null) {
            return "";
        }
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() <= width ? one : one.substring(0, Math.max(0, width - 1)) + "…";
    }
}
