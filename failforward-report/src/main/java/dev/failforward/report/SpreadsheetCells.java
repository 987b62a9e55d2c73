package dev.failforward.report;

import java.util.regex.Pattern;

/**
 * Text cells made safe for spreadsheets. A cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is read as a formula by Excel, LibreOffice and Google
 * Sheets, so a data value such as {@code =HYPERLINK(...)} would run when a user opens a CSV file.
 * Such text gets a leading single quote, as OWASP recommends; numbers such as {@code -3.5} or
 * {@code +1e5} are left as they are.
 */
public final class SpreadsheetCells {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private SpreadsheetCells() {
    }

    /** {@code text}, with a leading {@code '} when a spreadsheet would take it for a formula. */
    public static String escape(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        boolean formula = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return formula && !NUMBER.matcher(text).matches() ? "'" + text : text;
    }
}
