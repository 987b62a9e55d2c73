package dev.failforward.report;

import dev.failforward.session.ScanResult;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * One output format of a scan result. Implementations are stateless: what they write depends on
 * the result alone, so the same result always gives the same file.
 */
public interface ReportFormat {

    /** The file name this format is written to in a report folder, such as {@code report.json}. */
    String fileName();

    void write(ScanResult result, Writer out) throws IOException;

    /** The whole output as a string. */
    default String render(ScanResult result) {
        StringWriter out = new StringWriter();
        try {
            write(result, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }
}
