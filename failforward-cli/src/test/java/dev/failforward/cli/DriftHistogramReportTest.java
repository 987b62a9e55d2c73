package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift histograms on Telco against a current file whose monthly charges are raised by 30 %
 * and whose first 40 rows carry a hostile payment method: report.json records the histogram of
 * each feature (same bin edges, densities for both sides), and the HTML drawn from that
 * measurement shows it in headless Chromium, with the hostile category as text.
 */
class DriftHistogramReportTest {

    private static final String HOSTILE = "<img src=x onerror=alert(7)>";

    @TempDir
    Path dir;

    private Path current() throws IOException {
        List<String> lines = Files.readAllLines(Datasets.tabular("telco_churn.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int charges = header.indexOf("\"monthly_charges\"");
        int payment = header.indexOf("\"payment_method\"");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (i > 0) {
                f[charges] = String.format(Locale.ROOT, "%.2f", Double.parseDouble(f[charges]) * 1.3);
                if (i <= 40) {
                    f[payment] = "\"" + HOSTILE + "\"";
                }
            }
            out.add(String.join(",", List.of(f).subList(1, f.length)));
        }
        Path file = dir.resolve("current.csv");
        Files.write(file, out);
        return file;
    }

    @Test
    void histogramsAreRecordedAndDrawn() throws Exception {
        String store = dir.resolve("ff.db").toString();
        Cli cli = Cli.run("scan", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--model", "builtin:logistic", "--current", current().toString(), "--detectors", "drift",
                "--threshold", "drift.domain-classifier=0", "--out", dir.resolve("out").toString(), "--store", store);
        assertThat(cli.exit()).as(cli.err()).isZero();

        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        JsonNode charges = feature(report, "monthly_charges");
        assertThat(charges.path("drifted").asBoolean()).isTrue();
        JsonNode h = charges.path("histogram");
        assertThat(h.path("kind").asText()).isEqualTo("numeric");
        int bins = h.path("reference_density").size();
        assertThat(bins).isEqualTo(20);
        assertThat(h.path("current_density").size()).isEqualTo(bins);
        assertThat(h.path("edges").size()).isEqualTo(bins + 1);
        double lo = h.path("edges").get(0).asDouble();
        double hi = h.path("edges").get(bins).asDouble();
        // Both sides on the same edges, from the lowest training charge to the highest raised one.
        assertThat(lo).isEqualTo(18.25, org.assertj.core.data.Offset.offset(0.01));
        assertThat(hi).isGreaterThan(118.75 * 1.29);
        double width = (hi - lo) / bins;
        assertThat(integral(h.path("reference_density"), width)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(integral(h.path("current_density"), width)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        // Raised charges reach the top bin, which no training row does.
        assertThat(h.path("reference_density").get(bins - 1).asDouble()).isZero();
        assertThat(h.path("current_density").get(bins - 1).asDouble()).isPositive();

        JsonNode payment = feature(report, "payment_method").path("histogram");
        assertThat(payment.path("kind").asText()).isEqualTo("categorical");
        int hostile = indexOf(payment.path("categories"), HOSTILE);
        assertThat(hostile).as("the hostile category is among the shown ones").isNotNegative();
        assertThat(payment.path("new").get(hostile).asBoolean()).isTrue();
        assertThat(payment.path("reference_share").get(hostile).asDouble()).isZero();
        assertThat(payment.path("current_share").get(hostile).asDouble()).isCloseTo(40 / 7043.0, org.assertj.core.data.Offset.offset(1e-9));

        assertHistogramsShown(dir.resolve("out/report.html"));
    }

    private void assertHistogramsShown(Path html) throws Exception {
        String dom = Chromium.run(dir, "--dump-dom", html.toUri().toString());
        Path kept = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("drift-histograms-dom.html");
        Files.writeString(kept, dom);
        for (String part : List.of("class=\"charts drift-histograms\"",
                "aria-label=\"Distribution of monthly_charges: reference vs current\"",
                "aria-label=\"Distribution of payment_method: reference vs current\"",
                "reference (training rows)", "current (current file", "density (share per unit)",
                "&lt;img src=x onerror=alert(7)&gt;: 0.6% of current rows (new category)")) {
            assertThat(dom.contains(part)).as("the page (kept in %s) shows %s", kept, part).isTrue();
        }
        // One bar per side per bin (20 bins), each with its tooltip.
        assertThat(count(dom, "<title>monthly_charges [")).isEqualTo(40);
        assertThat(dom.contains("<img src=x")).as("no img element from data").isFalse();
        assertThat(dom.toLowerCase(Locale.ROOT).contains("<script")).as("no script element").isFalse();
    }

    private static JsonNode feature(JsonNode report, String name) {
        for (JsonNode d : report.path("detectors")) {
            if (d.path("id").asText().equals("drift")) {
                for (JsonNode f : d.path("measurements").path("features")) {
                    if (f.path("feature").asText().equals(name)) {
                        return f;
                    }
                }
            }
        }
        throw new AssertionError("no drift measurement for " + name);
    }

    private static double integral(JsonNode densities, double width) {
        double sum = 0;
        for (JsonNode d : densities) {
            sum += d.asDouble() * width;
        }
        return sum;
    }

    private static int indexOf(JsonNode list, String value) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).asText().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
