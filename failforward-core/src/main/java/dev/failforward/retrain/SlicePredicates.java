package dev.failforward.retrain;

import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.List;

/**
 * Which rows of a table a slice holds, from the predicates as the weak-slice detector labels them:
 * {@code col = value}, {@code col < x}, {@code col ≥ x}, {@code x ≤ col < y} and {@code col is missing}.
 * A predicate on a column the table lacks, or one it cannot read, holds no row.
 */
public final class SlicePredicates {

    private SlicePredicates() {
    }

    /** Per row of {@code table}, whether every predicate holds. */
    public static boolean[] rows(Table table, List<String> predicates) {
        boolean[] in = new boolean[table.rowCount()];
        java.util.Arrays.fill(in, true);
        for (String p : predicates) {
            boolean[] one = rows(table, p);
            for (int i = 0; i < in.length; i++) {
                in[i] &= one[i];
            }
        }
        return in;
    }

    static boolean[] rows(Table table, String predicate) {
        int n = table.rowCount();
        boolean[] out = new boolean[n];
        if (predicate.endsWith(" is missing")) {
            Column c = column(table, predicate.substring(0, predicate.length() - " is missing".length()));
            for (int i = 0; c != null && i < n; i++) {
                out[i] = c.isMissing(i);
            }
            return out;
        }
        int le = predicate.indexOf(" ≤ ");
        int lt = predicate.lastIndexOf(" < ");
        if (le > 0 && lt > le) {
            double low = number(predicate.substring(0, le));
            Column c = column(table, predicate.substring(le + 3, lt));
            double high = number(predicate.substring(lt + 3));
            return range(c, n, low, high);
        }
        if (lt > 0) {
            return range(column(table, predicate.substring(0, lt)), n, Double.NEGATIVE_INFINITY, number(predicate.substring(lt + 3)));
        }
        int ge = predicate.indexOf(" ≥ ");
        if (ge > 0) {
            return range(column(table, predicate.substring(0, ge)), n, number(predicate.substring(ge + 3)), Double.POSITIVE_INFINITY);
        }
        int eq = predicate.indexOf(" = ");
        if (eq > 0) {
            Column c = column(table, predicate.substring(0, eq));
            String value = predicate.substring(eq + 3);
            if (c instanceof NumericColumn num) {
                double v = number(value);
                for (int i = 0; i < n; i++) {
                    out[i] = num.values()[i] == v;
                }
            } else if (c != null) {
                for (int i = 0; i < n; i++) {
                    out[i] = value.equals(c.text(i));
                }
            }
        }
        return out;
    }

    private static boolean[] range(Column c, int n, double low, double high) {
        boolean[] out = new boolean[n];
        if (c instanceof NumericColumn num) {
            for (int i = 0; i < n; i++) {
                double v = num.values()[i];
                out[i] = v >= low && v < high;
            }
        }
        return out;
    }

    private static Column column(Table table, String name) {
        return table.find(name).orElse(null);
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
