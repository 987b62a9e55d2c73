package dev.failforward.report;

import dev.failforward.session.ScanResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a scan's report folder: {@code report.json}, {@code report.html} and {@code predictions.csv}, each atomically. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** Writes the three files into {@code outDir}, creating it if needed, and returns their paths. */
    public static ReportFiles writeAll(ScanResult result, Path outDir) throws IOException {
        return writeAll(result, java.util.List.of(), outDir);
    }

    /** The same, with the run's stored explanations drawn in {@code report.html}. */
    public static ReportFiles writeAll(ScanResult result, java.util.List<RunExplanations> explanations, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        return new ReportFiles(write(new JsonReport(), result, outDir), write(new HtmlReport(explanations), result, outDir),
                write(new PredictionsCsv(), result, outDir));
    }

    /** Writes one format into {@code outDir} under its file name. */
    public static Path write(ReportFormat format, ScanResult result, Path outDir) throws IOException {
        Path target = outDir.resolve(format.fileName());
        AtomicFiles.write(target, out -> format.write(result, out));
        return target;
    }
}
