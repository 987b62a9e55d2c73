package dev.failforward.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.detect.DetectorConfig;
import dev.failforward.detect.DetectorContext;
import dev.failforward.detect.DetectorReport;
import dev.failforward.detect.DetectorRunner;
import dev.failforward.detect.Detectors;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.model.Predictions;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import dev.failforward.session.ScanResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detectors registered from the test tree ({@link FailuresByPaymentDetector}, {@link PaymentSharesDetector})
 * are rendered by the report with their own charts and findings, though the report module names no such detector.
 */
class NewDetectorTest {

    /** The hostile Telco scan with only the detector {@code id}'s results. */
    private static ScanResult hostileTelcoWith(String id) {
        ScanResult scanned = Scans.hostileTelco();
        ScanData data = ScanData.prepare(Scans.hostileTelcoTable(), null, Scans.HOSTILE_SPEC);
        List<PredictionRecord> rows = scanned.predictions();
        boolean[] failed = new boolean[rows.size()];
        double[] probabilities = new double[rows.size() * 2];
        for (int i = 0; i < failed.length; i++) {
            failed[i] = rows.get(i).failure();
            System.arraycopy(rows.get(i).probabilities(), 0, probabilities, 2 * i, 2);
        }
        DetectorReport detected = DetectorRunner.run(Detectors.resolve(id), new DetectorContext(data,
                Predictions.ofProbabilities(data.target().classes(), probabilities), failed, null, 1, DetectorConfig.defaults(),
                Progress.NONE, null));
        return new ScanResult(scanned.run(), scanned.evaluation(), rows, scanned.failures(), detected.results(),
                detected.findings());
    }

    @Test
    void aDetectorFromTheTestTreeGetsItsSectionChartAndFindingsEscaped() throws Exception {
        assertThat(Detectors.resolve(FailuresByPaymentDetector.ID)).hasSize(1);
        ScanResult result = hostileTelcoWith(FailuresByPaymentDetector.ID);

        String html = new HtmlReport().render(result);
        Document doc = HtmlReportTest.wellFormed(html);
        Element section = (Element) XPathFactory.newInstance().newXPath()
                .evaluate("//*[@id='detector-" + FailuresByPaymentDetector.ID + "']", doc, XPathConstants.NODE);
        assertThat(section).isNotNull();
        assertThat(section.getTextContent()).contains("Failure rate per payment method")
                .contains("Payment method " + Scans.ATTRIBUTE_BREAKER + " fails often");
        assertThat(section.getElementsByTagName("svg").getLength()).isEqualTo(1);
        assertThat(html).doesNotContain(Scans.ATTRIBUTE_BREAKER);

        JsonNode json = new JsonReport().toJson(result);
        JsonNode methods = json.path("detectors").get(0).path("measurements").path("methods");
        assertThat(methods).hasSize(4);
        assertThat(methods.toString()).contains("Bank transfer (automatic)");
    }

    @Test
    void distributionsADetectorDescribesAreDrawnUnderTheirCaption() throws Exception {
        ScanResult result = hostileTelcoWith(PaymentSharesDetector.ID);

        String html = new HtmlReport().render(result);
        Document doc = HtmlReportTest.wellFormed(html);
        Element section = (Element) XPathFactory.newInstance().newXPath()
                .evaluate("//*[@id='detector-" + PaymentSharesDetector.ID + "']", doc, XPathConstants.NODE);
        assertThat(section).isNotNull();
        assertThat(section.getTextContent()).contains("Payment methods among failures").contains("all test rows")
                .contains("failed rows");
        assertThat(section.getElementsByTagName("figure").getLength()).isEqualTo(1);
        Element svg = (Element) section.getElementsByTagName("svg").item(0);
        assertThat(svg.getAttribute("aria-label")).isEqualTo("Distribution of payment_method: reference vs current");
        // Two bars (all rows, failed rows) per payment method, each with its tooltip.
        assertThat(svg.getElementsByTagName("title").getLength()).isGreaterThanOrEqualTo(8);
        assertThat(html).doesNotContain(Scans.ATTRIBUTE_BREAKER);
    }
}
