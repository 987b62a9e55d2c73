package dev.failforward.compare;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderers of a comparison, with hostile values from data in it. */
class RenderersTest {

    private static final String EVIL = "<script>alert('x')</script> & \"q\" | `t`\u0001";

    static Comparison comparison() {
        SideSummary base = new SideSummary("baseline", "builtin:gbm", "train.csv", "f1", "m1", null, Map.of("roc_auc", 0.84));
        SideSummary cand = new SideSummary("candidate", "builtin:gbm", EVIL, "f2", "m2", null, Map.of("roc_auc", 0.80));
        MetricDelta auc = new MetricDelta("roc_auc", 0.84, 0.80, -0.04, -0.06, -0.02, 0.001, "delong", true);
        SliceDelta slice = new SliceDelta("city = " + EVIL, List.of("city"), "search", 150, 0.8, 0.6, 35, 5, 0.02,
                1e-6, 1e-4);
        FailureDiff diff = new FailureDiff(60, 10, 100,
                List.of(new FailureExample("7", "Yes", "Yes (0.700)", "No (0.600)", Map.of("city", EVIL))), List.of(), List.of());
        return new Comparison("binary_classification", "churn", "test.csv", 1000, base, cand, List.of(), List.of(auc),
                List.of(slice), 1, diff, 0.07, new CompareSettings(100, 0.95, 1, 100, 5));
    }

    static Verdict verdict(Comparison c) {
        return new Policy("gate.yaml", List.of(new MetricRule("roc_auc", 0.01, 0.05), new SliceRule(0.05, 100, 0.05),
                new NewFailuresRule(100), new FlipRateRule(0.1))).judge(c);
    }

    @Test
    void junitXmlParsesWithOneCasePerRuleAndAFailurePerBlockingRule() throws Exception {
        Comparison c = comparison();
        Verdict v = verdict(c);
        assertThat(v.blocked()).isTrue();
        String xml = CompareJunit.render(c, v);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suites = doc.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(suites.getAttribute("tests")).isEqualTo("4");
        assertThat(suites.getAttribute("failures")).isEqualTo("2");
        Element sliceCase = (Element) cases.item(1);
        assertThat(sliceCase.getAttribute("name")).startsWith("slices: ");
        assertThat(sliceCase.getElementsByTagName("failure").item(0).getTextContent()).contains("city = <script>");
        assertThat(((Element) cases.item(2)).getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void verdictReasonsNameTheSlice() {
        Verdict v = verdict(comparison());
        assertThat(v.reasons()).hasSize(2);
        assertThat(v.reasons().get(0)).startsWith("roc_auc: roc_auc dropped from 0.8400 to 0.8000");
        assertThat(v.reasons().get(1)).startsWith("slices: slice 'city = <script>").contains("150 rows").contains("-20.0 points");
    }

    @Test
    void htmlEscapesEveryValueFromData() {
        Comparison c = comparison();
        String html = CompareHtml.render(c, verdict(c), "run1");
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("Content-Security-Policy").doesNotContain("http://").doesNotContain("https://");
        assertThat(html).contains("<svg");
    }

    @Test
    void markdownKeepsTablesIntactAndIsShort() {
        Comparison c = comparison();
        String md = CompareMarkdown.render(c, verdict(c), "run1");
        assertThat(md).contains("❌ blocked").doesNotContain("<script").contains("city = &lt;script&gt;");
        for (String line : md.split("\n")) {
            if (line.startsWith("| city")) {
                assertThat(line.split("(?<!\\\\)\\|")).hasSize(8);
            }
        }
        assertThat(md.length()).isLessThan(65536);
    }

    @Test
    void jsonHoldsSchemaVersionAndPolicyResults() throws Exception {
        Comparison c = comparison();
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(CompareJson.render(c, verdict(c), "run1"));
        assertThat(node.path("schema_version").asInt()).isEqualTo(1);
        assertThat(node.path("policy").path("blocked").asBoolean()).isTrue();
        assertThat(node.path("policy").path("rules")).hasSize(4);
        assertThat(node.path("candidate").path("trained_on").asText()).isEqualTo(EVIL);
        assertThat(node.path("slices").path("most_significant").get(0).path("q_value").asDouble()).isEqualTo(1e-4);
    }
}
