package dev.failforward.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Dates and times written as ISO-8601 text ({@code 2001-01-31}, {@code 2001-01-31T08:15},
 * {@code 2001-01-31 08:15:30.5}, with an optional {@code Z} or {@code ±hh:mm} offset), read as
 * seconds since 1970-01-01 UTC. A time without an offset is taken as UTC, so the same text always
 * gives the same number. Written by hand for speed: a timestamp column of a few million rows is
 * read in a fraction of a second.
 */
public final class TimeText {

    private TimeText() {
    }

    /**
     * Every present value of {@code raw} as seconds since the epoch ({@code NaN} where missing), or
     * {@code null} when a present value is not a date or time, or none is present.
     */
    public static double[] parseAll(String[] raw) {
        double[] out = new double[raw.length];
        boolean any = false;
        String previous = null;
        double previousValue = Double.NaN;
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i];
            if (ColumnParser.isMissing(s)) {
                out[i] = Double.NaN;
                continue;
            }
            // Readers share equal strings, and time columns repeat values in runs.
            if (s != previous) {
                previousValue = parse(s.trim());
                previous = s;
            }
            if (Double.isNaN(previousValue)) {
                return null;
            }
            out[i] = previousValue;
            any = true;
        }
        return any ? out : null;
    }

    /** {@code text} as seconds since the epoch, or {@code NaN} when it is not an ISO-8601 date or time. */
    public static double parse(String text) {
        int n = text.length();
        if (n < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return Double.NaN;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return Double.NaN;
        }
        int hour = 0;
        int minute = 0;
        double second = 0;
        int offsetSeconds = 0;
        int at = 10;
        if (n > 10) {
            char sep = text.charAt(10);
            if ((sep != 'T' && sep != ' ') || n < 16 || text.charAt(13) != ':') {
                return Double.NaN;
            }
            hour = digits(text, 11, 2);
            minute = digits(text, 14, 2);
            at = 16;
            if (at < n && text.charAt(at) == ':') {
                int whole = digits(text, 17, 2);
                if (whole < 0) {
                    return Double.NaN;
                }
                second = whole;
                at = 19;
                if (at < n && text.charAt(at) == '.') {
                    int start = ++at;
                    while (at < n && Character.isDigit(text.charAt(at))) {
                        at++;
                    }
                    if (at == start) {
                        return Double.NaN;
                    }
                    second += Double.parseDouble("0." + text.substring(start, at));
                }
            }
            if (hour < 0 || minute < 0) {
                return Double.NaN;
            }
            if (at < n) {
                char zone = text.charAt(at);
                if (zone == 'Z' && at + 1 == n) {
                    at = n;
                } else if ((zone == '+' || zone == '-') && at + 6 == n && text.charAt(at + 3) == ':') {
                    int hours = digits(text, at + 1, 2);
                    int minutes = digits(text, at + 4, 2);
                    if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
                        return Double.NaN;
                    }
                    offsetSeconds = (zone == '+' ? 1 : -1) * (hours * 3600 + minutes * 60);
                    at = n;
                }
            }
        }
        if (at != n) {
            return Double.NaN;
        }
        try {
            LocalDateTime local = LocalDate.of(year, month, day).atTime(hour, minute, (int) second);
            return local.toEpochSecond(ZoneOffset.UTC) - offsetSeconds + (second - Math.floor(second));
        } catch (DateTimeException e) {
            return Double.NaN;
        }
    }

    /** Seconds since the epoch as ISO-8601 text in UTC: {@code 2001-01-31T08:15:00}. */
    public static String formatTime(double seconds) {
        long whole = (long) Math.floor(seconds);
        if (whole != seconds || whole < MIN || whole >= MAX) {
            return slowTime(seconds);
        }
        // By hand: reports and the failure log write every row's value, and java.time took most of that time.
        char[] out = new char[19];
        date(Math.floorDiv(whole, 86_400L), out);
        int second = (int) Math.floorMod(whole, 86_400L);
        out[10] = 'T';
        two(second / 3600, out, 11);
        out[13] = ':';
        two(second / 60 % 60, out, 14);
        out[16] = ':';
        two(second % 60, out, 17);
        return new String(out);
    }

    /** Seconds since the epoch as an ISO-8601 date in UTC: {@code 2001-01-31}. */
    public static String formatDate(double seconds) {
        long whole = (long) Math.floor(seconds);
        if (whole < MIN || whole >= MAX) {
            return LocalDate.ofEpochDay(Math.floorDiv(whole, 86_400L)).toString();
        }
        char[] out = new char[10];
        date(Math.floorDiv(whole, 86_400L), out);
        return new String(out);
    }

    /** Years 0000 to 9999: four-digit years, written by hand; others by java.time. */
    private static final long MIN = -62_167_219_200L;
    private static final long MAX = 253_402_300_800L;

    private static String slowTime(double seconds) {
        long whole = (long) Math.floor(seconds);
        int nanos = (int) Math.round((seconds - whole) * 1e9);
        if (nanos >= 1_000_000_000) {
            whole++;
            nanos = 0;
        }
        String s = LocalDateTime.ofEpochSecond(whole, nanos, ZoneOffset.UTC).toString();
        // LocalDateTime leaves out zero seconds ("08:15"); keep the full hh:mm:ss form.
        return s.length() == 16 ? s + ":00" : s;
    }

    /** The civil date of an epoch day as yyyy-MM-dd into {@code out[0..10)} (the days-to-civil algorithm of H. Hinnant). */
    private static void date(long epochDay, char[] out) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        two(year / 100, out, 0);
        two(year % 100, out, 2);
        out[4] = '-';
        two(month, out, 5);
        out[7] = '-';
        two(day, out, 8);
    }

    private static void two(int v, char[] out, int at) {
        out[at] = (char) ('0' + v / 10);
        out[at + 1] = (char) ('0' + v % 10);
    }

    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
