package dev.failforward.report;

import dev.failforward.explain.Attribution;
import dev.failforward.explain.Explanation;
import dev.failforward.explain.Fidelity;
import dev.failforward.failure.Failure;
import dev.failforward.session.ScanResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * explanations.html over a scan whose data holds hostile values: in headless Chromium the values
 * show as text, nothing runs, and the page has the contrast chart and one chart per charted failure.
 */
class ExplanationsHtmlTest {

    @TempDir
    Path temp;

    @Test
    void contrastAndPerFailureChartsWithHostileValuesEscaped() throws Exception {
        ScanResult scan = Scans.hostileTelco();
        List<Failure> failures = scan.failures();
        assertThat(failures).hasSizeGreaterThan(ExplanationsHtml.CHARTED);
        Map<String, Explanation> byFailure = new LinkedHashMap<>();
        List<Explanation> correct = new ArrayList<>();
        for (int i = 0; i < failures.size(); i++) {
            byFailure.put(failures.get(i).id(), explanation(failures.get(i), 2.0, i));
            correct.add(explanation(failures.get(i), 1.0, i + 7));
        }
        ExplainedRun x = new ExplainedRun(scan.run(), "treeshap", failures, byFailure, correct, 5);
        Map<String, Double> onFailures = ExplainedRun.meanAbsolute(byFailure.values());
        Map<String, Double> onCorrect = ExplainedRun.meanAbsolute(correct);
        String first = failures.get(0).input().keySet().iterator().next();
        assertThat(onFailures.get(first)).isGreaterThan(onCorrect.get(first));

        Path html = temp.resolve(ExplanationsHtml.FILE_NAME);
        Files.writeString(html, ExplanationsHtml.render(x));
        String dom = BrowserTest.chromium(temp, "--dump-dom", html.toUri().toString());
        assertThat(dom).contains("Failures against correct predictions").contains("Mean |attribution|: failures vs correct predictions");
        assertThat(dom).as("the script value is shown as text").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(dom).doesNotContainIgnoringCase("<script").doesNotContain("<svg onload").doesNotContain("data-pwned=\"1\"");
        assertThat(dom.split("<svg", -1).length - 1).isEqualTo(1 + ExplanationsHtml.CHARTED);
        assertThat(dom.split("class=\"failure-chart\"", -1).length - 1).isEqualTo(ExplanationsHtml.CHARTED);
    }

    @Test
    void meanAbsoluteCountsAMissingFeatureAsZero() {
        Explanation a = new Explanation("lime", null, "value", 0, 1, List.of(new Attribution("x", -2), new Attribution("y", 1)), Fidelity.r2(1));
        Explanation b = new Explanation("lime", null, "value", 0, 1, List.of(new Attribution("x", 4)), Fidelity.r2(1));
        Map<String, Double> mean = ExplainedRun.meanAbsolute(List.of(a, b));
        assertThat(mean.get("x")).isCloseTo(3, within(1e-12));
        assertThat(mean.get("y")).isCloseTo(0.5, within(1e-12));
    }

    /** Attributions over the failure's own columns (hostile names included), larger for the first columns. */
    private static Explanation explanation(Failure f, double scale, int seed) {
        List<Attribution> out = new ArrayList<>();
        int j = 0;
        for (String column : f.input().keySet()) {
            double sign = ((seed + j) % 3 == 0) ? -1 : 1;
            out.add(new Attribution(column, sign * scale / (1 + j)));
            j++;
        }
        double sum = out.stream().mapToDouble(Attribution::value).sum();
        return new Explanation("treeshap", f.predicted(), "margin", 0.25, 0.25 + sum, out, Fidelity.additivityGap(0));
    }
}
