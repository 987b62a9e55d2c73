package dev.failforward.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.probe.ProbeOutcome;
import dev.failforward.probe.ProbeResult;
import dev.failforward.probe.text.TextAttackResult;
import dev.failforward.session.ScanResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a probe run's report folder: the scan's files, with the probe results added to report.json and report.html. */
public final class ProbeReport {

    private ProbeReport() {
    }

    public static ReportFiles writeAll(ScanResult result, List<ProbeResult> probes, Path outDir) throws IOException {
        return writeAll(result, new ProbeOutcome(probes, List.of()), outDir, List.of());
    }

    /** The report folder with the probe results, their confidence intervals and worst examples. */
    public static ReportFiles writeAll(ScanResult result, ProbeOutcome outcome, Path outDir) throws IOException {
        return writeAll(result, outcome, outDir, List.of());
    }

    /**
     * The report folder with the probe results, their confidence intervals and worst examples, and
     * extra sections (such as adversarial search or stress splits) after them.
     */
    public static ReportFiles writeAll(ScanResult result, ProbeOutcome outcome, Path outDir, List<ProbeSection> extra)
            throws IOException {
        List<ProbeResult> probes = outcome.results();
        Files.createDirectories(outDir);
        ObjectNode json = new JsonReport().toJson(result);
        json.set("probes", ProbeJson.probes(probes));
        json.set("probe_examples", ProbeExamplesJson.examples(outcome.examples()));
        extra.forEach(s -> json.set(s.jsonKey(), s.json()));
        Path jsonFile = outDir.resolve(JsonReport.FILE_NAME);
        AtomicFiles.write(jsonFile, JsonValues.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        String html = new HtmlReport().render(result);
        StringBuilder section = new StringBuilder(ProbeHtml.section(probes) + ProbeExamplesHtml.section(outcome.examples()));
        extra.forEach(s -> section.append(s.html()));
        int at = html.lastIndexOf("</main>");
        at = at < 0 ? html.lastIndexOf("</body>") : at;
        html = html.substring(0, at) + section + html.substring(at);
        Path htmlFile = outDir.resolve(new HtmlReport().fileName());
        AtomicFiles.write(htmlFile, html);
        return new ReportFiles(jsonFile, htmlFile, ReportWriter.write(new PredictionsCsv(), result, outDir));
    }
}
