package dev.failforward.report;

import java.nio.file.Path;
import java.util.List;

/** Where {@link ReportWriter#writeAll} put a report's files. */
public record ReportFiles(Path json, Path html, Path csv) {

    public List<Path> all() {
        return List.of(json, html, csv);
    }
}
