package dev.failforward.report;

import dev.failforward.data.NumericColumn;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.run.Run;
import dev.failforward.session.ScanResult;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code predictions.csv}: one row per prediction, failed or not, for spreadsheets and pandas.
 * Columns: {@code row_key, expected, predicted, failure, loss}, then {@code p_<class>} per class
 * in the run's class order (classification) or {@code prediction} (regression). Fields are quoted
 * as RFC 4180 says; a number that is not finite is an empty field; text that a spreadsheet would
 * run as a formula starts with a single quote ({@link SpreadsheetCells}).
 */
public final class PredictionsCsv implements ReportFormat {

    public static final String FILE_NAME = "predictions.csv";

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        Run run = result.run();
        boolean classification = run.task().isClassification();
        List<String> header = new ArrayList<>(List.of("row_key", "expected", "predicted", "failure", "loss"));
        if (classification) {
            run.classes().forEach(c -> header.add("p_" + c));
        } else {
            header.add("prediction");
        }
        row(out, header);
        List<String> fields = new ArrayList<>(header.size());
        for (PredictionRecord p : result.predictions()) {
            fields.clear();
            fields.add(p.rowKey());
            fields.add(p.expected());
            fields.add(p.predicted());
            fields.add(Boolean.toString(p.failure()));
            fields.add(number(p.loss()));
            if (classification) {
                if (p.probabilities().length != run.classes().size()) {
                    throw new IllegalArgumentException("prediction for row " + p.rowKey() + " has " + p.probabilities().length
                            + " probabilities for " + run.classes().size() + " classes");
                }
                for (double v : p.probabilities()) {
                    fields.add(number(v));
                }
            } else {
                fields.add(p.prediction() == null ? "" : number(p.prediction()));
            }
            row(out, fields);
        }
    }

    /** {@code field} as RFC 4180 writes it: in quotes, with quotes doubled, if it holds a comma, quote or line break. */
    public static String quote(String field) {
        if (field == null) {
            return "";
        }
        if (needsQuotes(field)) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    /** A CSV cell: {@code field} escaped for spreadsheets ({@link SpreadsheetCells}), then quoted. */
    public static String cell(String field) {
        return quote(SpreadsheetCells.escape(field));
    }

    private static boolean needsQuotes(String field) {
        // Edge spaces are quoted too, so that readers that trim unquoted fields keep them.
        if (!field.isEmpty() && (field.charAt(0) == ' ' || field.charAt(field.length() - 1) == ' ')) {
            return true;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private static void row(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(fields.get(i)));
        }
        out.write('\n');
    }

    private static String number(double v) {
        return Double.isFinite(v) ? NumericColumn.format(v) : "";
    }
}
