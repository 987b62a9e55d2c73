package dev.failforward.compare;

import dev.failforward.report.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;

/** Writes the four outputs of a comparison into a folder, each file whole or not at all. */
public final class CompareWriter {

    public static final String JSON = "compare.json";
    public static final String HTML = "compare.html";
    public static final String MARKDOWN = "compare.md";
    public static final String JUNIT = "compare-junit.xml";

    private CompareWriter() {
    }

    /** Where the outputs went. */
    public record Files(Path json, Path html, Path markdown, Path junit) {
    }

    public static Files writeAll(Comparison c, Verdict v, String runId, Path folder) throws IOException {
        String json = CompareJson.render(c, v, runId);
        String html = CompareHtml.render(c, v, runId);
        String md = CompareMarkdown.render(c, v, runId);
        String junit = CompareJunit.render(c, v);
        java.nio.file.Files.createDirectories(folder);
        Files f = new Files(folder.resolve(JSON), folder.resolve(HTML), folder.resolve(MARKDOWN), folder.resolve(JUNIT));
        AtomicFiles.write(f.json(), json);
        AtomicFiles.write(f.html(), html);
        AtomicFiles.write(f.markdown(), md);
        AtomicFiles.write(f.junit(), junit);
        return f;
    }
}
