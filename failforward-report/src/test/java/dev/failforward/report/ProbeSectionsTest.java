package dev.failforward.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.probe.adversarial.AdversarialExample;
import dev.failforward.probe.adversarial.AdversarialOutcome;
import dev.failforward.probe.adversarial.AdversarialSummary;
import dev.failforward.probe.stress.StressKind;
import dev.failforward.probe.stress.StressOutcome;
import dev.failforward.probe.stress.StressResult;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The adversarial and stress sections of a probe report: values from data are escaped, numbers kept. */
class ProbeSectionsTest {

    static final String NASTY = "<script>alert('x')</script>&";

    static AdversarialOutcome outcome() {
        Map<String, Object> original = new LinkedHashMap<>();
        original.put("plan", NASTY);
        original.put("tenure", 12.0);
        Map<String, Object> adversarial = new LinkedHashMap<>(original);
        adversarial.put("plan", "Two <year>");
        adversarial.put("tenure", 3.0);
        AdversarialExample small = new AdversarialExample(4, "row<4>", "No", "Yes", 0.8, 0.4, 1.5,
                List.of("plan", "tenure"), 120, original, adversarial, Map.of("No", 0.4, "Yes", 0.6));
        AdversarialExample big = new AdversarialExample(9, "9", "No", "Yes", 0.7, 0.45, 3.0, List.of("tenure"), 80,
                Map.of("tenure", 1.0), Map.of("tenure", 70.0), Map.of("No", 0.45, "Yes", 0.55));
        AdversarialSummary summary = new AdversarialSummary(20, 10, 4, 2, 0, 0.5, 2.25, 1.875, 2.625, 2.85, 3.0, 100, 100,
                120, 500, Map.of("tenure", 2, NASTY, 1));
        return new AdversarialOutcome(summary, List.of(small, big));
    }

    @Test
    void adversarialHtmlEscapesValuesAndShowsTheSmallestFirst() {
        String html = AdversarialHtml.section(outcome());
        assertThat(html).doesNotContain("<script>").doesNotContain("<year>").doesNotContain("row<4>")
                .contains("&lt;script&gt;", "Two &lt;year&gt;", "row&lt;4&gt;", "<svg", "id=\"adversarial\"")
                .contains("50%");
        assertThat(html.indexOf("row&lt;4&gt;")).isLessThan(html.indexOf("<td rowspan=\"1\">9</td>"));
    }

    @Test
    void adversarialJsonKeepsTheSummaryAndChangedValues() {
        JsonNode json = AdversarialJson.adversarial(outcome());
        assertThat(json.path("success_rate").asDouble()).isEqualTo(0.5);
        assertThat(json.path("median_distance").asDouble()).isEqualTo(2.25);
        assertThat(json.path("distances").size()).isEqualTo(2);
        JsonNode first = json.path("examples").get(0);
        assertThat(first.path("row_key").asText()).isEqualTo("row<4>");
        assertThat(first.path("original").path("plan").asText()).isEqualTo(NASTY);
        assertThat(first.path("adversarial").path("tenure").asInt()).isEqualTo(3);
        assertThat(first.path("original").has("other")).isFalse();
    }

    @Test
    void stressSectionsEscapeGroupsAndShowErrors() {
        StressOutcome o = new StressOutcome(List.of(
                new StressResult(StressKind.LEAVE_ONE_GROUP_OUT, "plan", NASTY, 30, 70, "accuracy", 0.6, 0.8, 0.2, 12, null),
                new StressResult(StressKind.TIME_SPLIT, "day", "from 2024", 30, 70, "accuracy", Double.NaN, 0.8, Double.NaN,
                        0, "too <few> rows")), List.of());
        String html = StressHtml.section(o);
        assertThat(html).doesNotContain("<script>").doesNotContain("<few>")
                .contains("&lt;script&gt;", "error: too &lt;few&gt; rows", "<svg", "random split");
        JsonNode json = StressJson.stress(o);
        assertThat(json.get(0).path("drop").asDouble()).isEqualTo(0.2);
        assertThat(json.get(0).path("status").asText()).isEqualTo("ok");
        assertThat(json.get(1).path("value").isNull()).isTrue();
        assertThat(json.get(1).path("status").asText()).isEqualTo("error");
        assertThat(o.anyError()).isTrue();
    }
}
