package dev.failforward.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.probe.ProbeResult;
import dev.failforward.probe.text.TextAttackResult;
import dev.failforward.scan.ScanResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a probe run's report folder: the scan's files, with the probe results added to report.json and report.html. */
public final class ProbeReport {

    private ProbeReport() {
    }

    public static ReportFiles writeAll(ScanResult result, List<ProbeResult> probes, Path outDir) throws IOException {
        return writeAll(result, probes, null, outDir);
    }

    /** The same, with the text adversarial search's results when it ran ({@code textAttack} may be null). */
    public static ReportFiles writeAll(ScanResult result, List<ProbeResult> probes, TextAttackResult textAttack, Path outDir)
            throws IOException {
        Files.createDirectories(outDir);
        ObjectNode json = new JsonReport().toJson(result);
        json.set("probes", ProbeJson.probes(probes));
        if (textAttack != null) {
            json.set("text_adversarial", TextAttackJson.of(textAttack));
        }
        Path jsonFile = outDir.resolve(JsonReport.FILE_NAME);
        AtomicFiles.write(jsonFile, JsonValues.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        String html = new HtmlReport().render(result);
        String section = ProbeHtml.section(probes) + (textAttack == null ? "" : TextAttackHtml.section(textAttack));
        int at = html.lastIndexOf("</main>");
        at = at < 0 ? html.lastIndexOf("</body>") : at;
        html = html.substring(0, at) + section + html.substring(at);
        Path htmlFile = outDir.resolve(new HtmlReport().fileName());
        AtomicFiles.write(htmlFile, html);
        return new ReportFiles(jsonFile, htmlFile, ReportWriter.write(new PredictionsCsv(), result, outDir));
    }
}
