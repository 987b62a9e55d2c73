package dev.failforward.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns raw strings into a typed {@link Column}, inferring the type unless one is forced.
 * Shared by every reader so that all formats infer types the same way.
 */
public final class ColumnParser {

    /** Strings that mean "no value" in the data sets our users bring. */
    public static final Set<String> MISSING = Set.of("", "NA", "N/A", "NaN", "nan", "?", "null", "NULL");

    /** A column with at most this many distinct values is categorical whatever its row count. */
    static final int SMALL_CARDINALITY = 50;
    /** Longer average strings with mostly distinct values are free text. */
    static final double TEXT_MEAN_LENGTH = 30;

    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0");

    private ColumnParser() {
    }

    public static boolean isMissing(String raw) {
        return raw == null || MISSING.contains(raw.trim());
    }

    /** Parses {@code raw} (one string per row) as {@code forced}, or as the inferred type when it is null. */
    public static Column parse(String name, String[] raw, ColumnType forced, RowLocator where) {
        if (forced == null) {
            // Dates and times are ordered numbers, not thousands of categories.
            double[] times = TimeText.parseAll(raw);
            if (times != null) {
                return new NumericColumn(name, times, wholeDays(times) ? NumberKind.DATE : NumberKind.TIME);
            }
        }
        ColumnType type = forced != null ? forced : infer(raw);
        return switch (type) {
            case NUMERIC -> numeric(name, raw, where);
            case BOOLEAN -> bool(name, raw, where);
            case CATEGORICAL -> categorical(name, raw);
            case TEXT -> text(name, raw);
        };
    }

    private static boolean wholeDays(double[] seconds) {
        for (double s : seconds) {
            if (!Double.isNaN(s) && s % 86_400 != 0) {
                return false;
            }
        }
        return true;
    }

    /** The type a column of these strings most likely has. */
    public static ColumnType infer(String[] raw) {
        boolean allNumeric = true;
        boolean allBoolean = true;
        int present = 0;
        long length = 0;
        Map<String, Boolean> distinct = new HashMap<>();
        for (String s : raw) {
            if (isMissing(s)) {
                continue;
            }
            String v = s.trim();
            present++;
            length += v.length();
            if (allNumeric && parseDouble(v) == null) {
                allNumeric = false;
            }
            if (allBoolean && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                allBoolean = false;
            }
            distinct.putIfAbsent(v, Boolean.TRUE);
        }
        if (present == 0) {
            return ColumnType.CATEGORICAL;
        }
        if (allNumeric) {
            return ColumnType.NUMERIC;
        }
        if (allBoolean) {
            return ColumnType.BOOLEAN;
        }
        int d = distinct.size();
        boolean mostlyDistinct = d > SMALL_CARDINALITY && d > 0.5 * present;
        boolean longStrings = (double) length / present >= TEXT_MEAN_LENGTH;
        return mostlyDistinct || (longStrings && d > SMALL_CARDINALITY) ? ColumnType.TEXT : ColumnType.CATEGORICAL;
    }

    /**
     * {@code v} as a number, or null when it is not one. Infinities are numbers: {@code Infinity},
     * {@code inf} (any case, with a sign) and values beyond the double range such as {@code 1e400}.
     */
    static Double parseDouble(String v) {
        Double infinity = infinity(v);
        if (infinity != null) {
            return infinity;
        }
        char c = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
        // Java accepts "1d", "1f", "0x1p3": data files mean text by those.
        if (!(Character.isDigit(c) || c == '.') || v.indexOf('x') >= 0 || v.indexOf('X') >= 0) {
            return null;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double infinity(String v) {
        int start = v.startsWith("-") || v.startsWith("+") ? 1 : 0;
        String word = v.substring(start).toLowerCase(Locale.ROOT);
        if (!word.equals("inf") && !word.equals("infinity")) {
            return null;
        }
        return v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    private static Column numeric(String name, String[] raw, RowLocator where) {
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (isMissing(raw[i])) {
                out[i] = Double.NaN;
                continue;
            }
            Double d = parseDouble(raw[i].trim());
            if (d == null) {
                throw where.error(i, name, "expected a number, found '" + abbreviate(raw[i]) + "'");
            }
            out[i] = d;
        }
        return new NumericColumn(name, out);
    }

    private static Column bool(String name, String[] raw, RowLocator where) {
        int[] codes = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (isMissing(raw[i])) {
                codes[i] = -1;
                continue;
            }
            String v = raw[i].trim().toLowerCase(Locale.ROOT);
            if (TRUE.contains(v)) {
                codes[i] = 1;
            } else if (FALSE.contains(v)) {
                codes[i] = 0;
            } else {
                throw where.error(i, name, "expected true/false, yes/no or 1/0, found '" + abbreviate(raw[i]) + "'");
            }
        }
        return new CategoricalColumn(name, ColumnType.BOOLEAN, List.of("false", "true"), codes);
    }

    private static Column categorical(String name, String[] raw) {
        List<String> levels = new ArrayList<>(new java.util.TreeSet<>(presentValues(raw)));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            index.put(levels.get(i), i);
        }
        int[] codes = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            codes[i] = isMissing(raw[i]) ? -1 : index.get(raw[i].trim());
        }
        return new CategoricalColumn(name, ColumnType.CATEGORICAL, levels, codes);
    }

    private static Column text(String name, String[] raw) {
        String[] out = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = isMissing(raw[i]) ? null : raw[i];
        }
        return new TextColumn(name, out);
    }

    private static Set<String> presentValues(String[] raw) {
        Set<String> values = new java.util.HashSet<>();
        for (String s : raw) {
            if (!isMissing(s)) {
                values.add(s.trim());
            }
        }
        return values;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
