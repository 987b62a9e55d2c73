package dev.failforward.cli;

import dev.failforward.data.Column;
import dev.failforward.data.Table;
import dev.failforward.report.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** A training set as CSV ({@code retrain --export-training}); redacted columns are left out, so their values never leave the log's keyed hashes. */
final class TrainingCsv {

    private TrainingCsv() {
    }

    static void write(Table table, List<String> redacted, Path file) {
        List<Column> columns = table.columns().stream().filter(c -> !redacted.contains(c.name())).toList();
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            sb.append(c == 0 ? "" : ",").append(quote(columns.get(c).name()));
        }
        sb.append('\n');
        for (int i = 0; i < table.rowCount(); i++) {
            for (int c = 0; c < columns.size(); c++) {
                String v = columns.get(c).text(i);
                sb.append(c == 0 ? "" : ",").append(v == null ? "" : quote(v));
            }
            sb.append('\n');
        }
        try {
            AtomicFiles.write(file, sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String quote(String v) {
        boolean needs = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || (!v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' '));
        return needs ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
