package dev.failforward.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.metric.CurvePoint;
import dev.failforward.run.Run;
import dev.failforward.run.RunStatus;
import dev.failforward.session.ScanResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Results the renderers must also handle: no failures, an unfinished run, a curve with very many points. */
class EdgeCasesTest {

    @Test
    void aResultWithoutFailures() throws Exception {
        ScanResult r = Scans.iris();
        ScanResult none = new ScanResult(r.run(), r.evaluation(), r.predictions(), List.of());

        JsonNode d = new ObjectMapper().readTree(new JsonReport().render(none));
        assertThat(d.get("failures").get("count").asInt()).isZero();
        assertThat(d.get("failures").get("worst")).isEmpty();
        assertThat(d.get("failures").get("by_origin")).isEmpty();
        String html = new HtmlReport().render(none);
        assertThat(html).contains("No failures: every prediction was right.", "none logged");
        HtmlReportTest.wellFormed(html);
    }

    @Test
    void anIncompleteRunWithoutProvenance() throws Exception {
        Run r = Scans.telco().run();
        Run unfinished = new Run(r.id(), "demo", r.startedAt(), null, RunStatus.INCOMPLETE, r.task(), r.target(), r.classes(),
                r.modelId(), null, null, r.data(), r.dataFingerprint(), Map.of(), 0, 0, null);
        ScanResult s = Scans.telco();
        ScanResult result = new ScanResult(unfinished, s.evaluation(), s.predictions(), s.failures());

        JsonNode d = new ObjectMapper().readTree(new JsonReport().render(result));
        assertThat(d.get("run").get("status").asText()).isEqualTo("incomplete");
        assertThat(d.get("run").get("finished_at").isNull()).isTrue();
        assertThat(d.get("run").get("model_fingerprint").isNull()).isTrue();
        assertThat(d.get("provenance")).isEmpty();
        String html = new HtmlReport().render(result);
        assertThat(html).contains("badge warn", "incomplete", "demo report");
        HtmlReportTest.wellFormed(html);
    }

    @Test
    void longCurvesAreThinnedButKeepTheirEnds() {
        List<CurvePoint> curve = new ArrayList<>();
        for (int i = 0; i <= 5000; i++) {
            curve.add(new CurvePoint(i / 5000.0, Math.sqrt(i / 5000.0)));
        }
        List<CurvePoint> thin = ReportCharts.thin(curve, 1000);
        assertThat(thin.size()).isBetween(500, 1001);
        assertThat(thin.get(0)).isEqualTo(curve.get(0));
        assertThat(thin.get(thin.size() - 1)).isEqualTo(curve.get(5000));
        assertThat(ReportCharts.thin(curve.subList(0, 10), 1000)).hasSize(10);
    }
}
