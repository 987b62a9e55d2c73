package dev.failforward.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.probe.ProbeExample;
import dev.failforward.probe.ProbeOutcome;
import dev.failforward.probe.ProbeResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A probe report with hostile values in its worst examples, written and opened in headless Chromium. */
@Tag("slow")
class ProbeReportBrowserTest {

    @TempDir
    Path temp;

    @Test
    void worstExamplesAndIntervalsRenderWithEveryValueEscaped() throws Exception {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("contract", "<script>alert(1)</script>");
        before.put("tenure", 3.0);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("contract", "<svg onload=alert(2)>");
        after.put("tenure", null);
        ProbeExample example = new ProbeExample("category-swap", 0.3, "<b onmouseover=x>row</b>", before, after, "No",
                "<i>Yes</i>", "P(predicted class)", 0.9, 0.2);
        ProbeResult result = new ProbeResult("category-swap", 0.3, 0.05, "accuracy", 0.8, 0.78, 0.02, 2000, 100, 0.011, 0.029, "INV");
        ProbeResult mft = new ProbeResult("mft-<x>", 1, 0.5, "mft_pass_rate", 1, 0.5, 0.5, 2, 1, Double.NaN, Double.NaN, "MFT");
        ReportFiles files = ProbeReport.writeAll(Scans.telco(), new ProbeOutcome(List.of(result, mft), List.of(), List.of(example)),
                temp.resolve("out"));

        JsonNode json = JsonValues.MAPPER.readTree(files.json().toFile());
        assertThat(json.path("probes").get(0).path("drop_ci").get(0).asDouble()).isEqualTo(0.011);
        assertThat(json.path("probes").get(0).path("drop_ci").get(1).asDouble()).isEqualTo(0.029);
        assertThat(json.path("probes").get(1).path("drop_ci").isNull()).isTrue();
        assertThat(json.path("probe_examples").get(0).path("perturbed").path("contract").asText()).isEqualTo("<svg onload=alert(2)>");

        String dom = BrowserTest.chromium(temp, "--dump-dom", files.html().toUri().toString());
        assertThat(dom).contains("id=\"probe-examples\"").contains("Worst examples").contains("Drop 95% CI")
                .contains("[0.011, 0.029]").contains("(missing)");
        assertThat(dom).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;svg onload=alert(2)&gt;")
                .contains("&lt;b onmouseover=x&gt;row&lt;/b&gt;").contains("&lt;i&gt;Yes&lt;/i&gt;").contains("mft-&lt;x&gt;");
        assertThat(dom).doesNotContainIgnoringCase("<script").doesNotContain("<svg onload").doesNotContain("<b onmouseover")
                .doesNotContain("<i>Yes");
    }
}
