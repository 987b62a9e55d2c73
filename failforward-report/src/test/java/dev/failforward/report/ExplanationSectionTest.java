package dev.failforward.report;

import dev.failforward.explain.Attribution;
import dev.failforward.explain.AttributionContrast;
import dev.failforward.explain.Explanation;
import dev.failforward.explain.Fidelity;
import dev.failforward.explain.TextTokens;
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

/**
 * report.html of a run with stored explanations has an Explanations section: the overall
 * failure-vs-correct contrast, one contrast per weak slice, one chart per worst failure and the
 * words of a text input highlighted; in headless Chromium hostile values show as text.
 */
class ExplanationSectionTest {

    @TempDir
    Path temp;

    @Test
    void sectionWithContrastsFailureChartsAndHighlightedWordsEscaped() throws Exception {
        ScanResult scan = Scans.hostileTelco();
        List<Failure> failures = new ArrayList<>(scan.failures());
        assertThat(failures).hasSizeGreaterThan(ExplanationSection.CHARTED);
        // The worst failure gets a text input whose words carry attributions, one of them hostile.
        Failure worst = failures.stream().max(java.util.Comparator.comparingDouble(Failure::loss)).orElseThrow();
        Map<String, Object> input = new LinkedHashMap<>(worst.input());
        String review = "Great service, but " + Scans.SCRIPT + " billing was awful";
        input.put("review", review);
        Failure texted = new Failure(worst.id(), worst.runId(), worst.rowKey(), worst.origin(), input, worst.expected(),
                worst.predicted(), worst.probabilities(), worst.prediction(), worst.confidence(), worst.loss(),
                worst.causeTags(), worst.fingerprint());
        failures.set(failures.indexOf(worst), texted);
        scan = new ScanResult(scan.run(), scan.evaluation(), scan.predictions(), failures);

        Map<String, Explanation> byFailure = new LinkedHashMap<>();
        List<Explanation> correct = new ArrayList<>();
        for (int i = 0; i < failures.size(); i++) {
            byFailure.put(failures.get(i).id(), explanation(failures.get(i), 2.0, i));
            correct.add(explanation(failures.get(i), 1.0, i + 7));
        }
        List<Attribution> words = new ArrayList<>(byFailure.get(worst.id()).attributions());
        words.add(new Attribution(TextTokens.feature("review", "awful"), 0.9));
        words.add(new Attribution(TextTokens.feature("review", "great"), -0.4));
        words.add(new Attribution(TextTokens.feature("review", "script"), 0.05));
        byFailure.put(worst.id(), new Explanation("lime", worst.predicted(), "probability", 0.2, 0.8, words, Fidelity.r2(0.9)));

        String slice = "Contract = Month-to-month AND " + Scans.ATTRIBUTE_BREAKER;
        AttributionContrast contrast = new AttributionContrast("lime", "probability", List.of(
                AttributionContrast.Group.of(null, scan.predictions().size(), failures.size(), byFailure.values(), correct),
                AttributionContrast.Group.of(slice, 120, 60, byFailure.values().stream().limit(20).toList(), correct.subList(0, 30))));
        RunExplanations x = new RunExplanations("lime", byFailure, contrast);

        String html = new HtmlReport(List.of(x)).render(scan);
        assertThat(new HtmlReport().render(scan)).doesNotContain("id=\"explanations\"");
        Path file = temp.resolve(HtmlReport.FILE_NAME);
        Files.writeString(file, html);
        String dom = BrowserTest.chromium(temp, "--dump-dom", file.toUri().toString());
        assertThat(dom).contains("id=\"explanations\"").contains("Failures against correct predictions")
                .contains("Inside each weak slice").contains("Words that drove the failures");
        assertThat(count(dom, "class=\"contrast-chart\"")).isEqualTo(1);
        assertThat(count(dom, "class=\"contrast-chart slice\"")).isEqualTo(1);
        assertThat(count(dom, "class=\"failure-chart\"")).isEqualTo(ExplanationSection.CHARTED);
        assertThat(dom).contains("Slice Contract = Month-to-month AND \"'&gt;&lt;svg onload=");
        assertThat(dom).as("the sentence is shown as text with its words highlighted")
                .contains(">awful</span>").contains("rgba(213,94,0,0.75)").contains(">Great</span>").contains("rgba(0,114,178,")
                .contains("&lt;<span class=\"token\"");
        assertThat(dom).doesNotContainIgnoringCase("<script").doesNotContain("<svg onload").doesNotContain("data-pwned=\"1\"");
    }

    @Test
    void aWordsColourGrowsWithItsAttribution() {
        assertThat(TokenHighlights.colour(1, 2)).isEqualTo("rgba(213,94,0,0.38)");
        assertThat(TokenHighlights.colour(-2, 2)).isEqualTo("rgba(0,114,178,0.75)");
        assertThat(TokenHighlights.colour(0, 0)).isEqualTo("rgba(213,94,0,0.00)");
    }

    private static int count(String text, String needle) {
        return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    private static Explanation explanation(Failure f, double scale, int seed) {
        List<Attribution> out = new ArrayList<>();
        int j = 0;
        for (String column : f.input().keySet()) {
            double sign = ((seed + j) % 3 == 0) ? -1 : 1;
            out.add(new Attribution(column, sign * scale / (1 + j)));
            j++;
        }
        return new Explanation("lime", f.predicted(), "probability", 0.25, 0.5, out, Fidelity.r2(0.8));
    }
}
