package dev.failforward.rag.report;

import dev.failforward.rag.RagResult;
import dev.failforward.report.AtomicFiles;
import dev.failforward.run.Run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/** Writes the gap report's two files into a folder, each atomically. */
public final class RagReports {

    /** Where the files went. */
    public record Written(Path json, Path html) {
    }

    private RagReports() {
    }

    public static Written write(RagResult result, Run run, Path folder, Function<String, String> passageText) throws IOException {
        Path json = folder.resolve(RagJson.FILE_NAME);
        Path html = folder.resolve(RagHtml.FILE_NAME);
        AtomicFiles.write(json, RagJson.render(result, run));
        AtomicFiles.write(html, RagHtml.render(result, run, passageText));
        return new Written(json, html);
    }
}
