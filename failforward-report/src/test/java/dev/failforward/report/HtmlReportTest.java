package dev.failforward.report;

import dev.failforward.session.ScanResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    /** A reference to anything outside the file: another host, a protocol-relative address, an import or a url(). */
    static final Pattern EXTERNAL = Pattern.compile(
            "(?i)(src|href|xlink:href|action|poster|data)\\s*=\\s*[\"']?\\s*(https?:)?//|@import|url\\s*\\(");

    static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The report parses as XML: every element closed and every value escaped. */
    static Document wellFormed(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void binaryReportIsSelfContainedWithCharts() throws Exception {
        ScanResult r = Scans.telco();
        String html = new HtmlReport().render(r);

        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(EXTERNAL.matcher(html).find()).as("external reference").isFalse();
        assertThat(html).doesNotContainPattern("(?i)https?:").doesNotContainPattern("(?i)<(script|link|img|iframe|object)\\b");
        assertThat(html).contains("Content-Security-Policy");
        assertThat(count(html, "<svg")).isEqualTo(5);
        assertThat(html).contains("Confusion matrix", "ROC curve", "Calibration (reliability)",
                "Failure rate by true class", "Confidence of wrong predictions");
        assertThat(html).contains(r.run().id(), "rule:telco", "telco_churn.csv", "binary classification", "churn");
        assertThat(html).contains("ROC AUC", Format.number(r.evaluation().metric("roc_auc")), "Log loss", "Brier score");
        assertThat(html).contains(Format.count(r.predictions().size()), Format.count(r.failures().size()));
        assertThat(html).contains("Worst failures", "Provenance", r.run().dataFingerprint(), "Seed");
        assertThat(count(html, "<details>")).isEqualTo(20);
        wellFormed(html);
    }

    @Test
    void everyValueFromDataIsEscaped() throws Exception {
        ScanResult r = Scans.hostileTelco();
        assertThat(r.run().classes()).contains(Scans.SCRIPT);
        assertThat(WorstFailures.of(r.failures(), 20)).as("a listed failure carries the hostile category")
                .anyMatch(f -> Scans.ATTRIBUTE_BREAKER.equals(f.input().get("payment_method")));
        String html = new HtmlReport().render(r);

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).doesNotContainIgnoringCase("<script");
        assertThat(html).contains("&quot;&#39;&gt;&lt;svg onload=").doesNotContain("<svg onload");
        assertThat(html).contains("&lt;b onmouseover=alert(3)&gt;phone&lt;/b&gt;").doesNotContain("<b onmouseover");
        assertThat(html).contains("&lt;i&gt;data&lt;/i&gt;.csv").doesNotContain("<i>data</i>");
        // In the SVG charts too: axis labels, tooltips and the ROC caption carry the class label.
        String charts = html.substring(html.indexOf("<svg"), html.lastIndexOf("</svg>"));
        assertThat(charts).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Document doc = wellFormed(html);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("i").getLength()).isZero();
    }

    @Test
    void multiclassReportHasNoRocCurve() throws Exception {
        ScanResult r = Scans.iris();
        String html = new HtmlReport().render(r);
        assertThat(html).contains("Confusion matrix", "Calibration (reliability)", "versicolor", "F1 (macro)")
                .doesNotContain("ROC curve");
        assertThat(count(html, "<svg")).isEqualTo(4);
        wellFormed(html);
    }

    @Test
    void regressionReportPlotsPredictedAgainstActualAndResiduals() throws Exception {
        ScanResult r = Scans.ames();
        String html = new HtmlReport().render(r);
        assertThat(html).contains("Predicted against actual", "Residuals", "RMSE", "R²", "Abs. error")
                .doesNotContain("Confusion matrix", "Confidence</th>");
        assertThat(count(html, "<svg")).isEqualTo(2);
        assertThat(count(html, "<circle")).isEqualTo(r.predictions().size() + 2);
        assertThat(EXTERNAL.matcher(html).find()).isFalse();
        wellFormed(html);
    }

    @Test
    void textColumnsAndMissingValuesShow() throws Exception {
        ScanResult r = Scans.titanic();
        String html = new HtmlReport().render(r);
        String name = (String) WorstFailures.of(r.failures(), 1).get(0).input().get("name");
        assertThat(html).contains(Markup.escape(name), "class=\"missing\"");
        wellFormed(html);
    }

    @Test
    void sameResultGivesTheSamePage() {
        ScanResult r = Scans.iris();
        assertThat(new HtmlReport().render(r)).isEqualTo(new HtmlReport().render(r));
    }
}
