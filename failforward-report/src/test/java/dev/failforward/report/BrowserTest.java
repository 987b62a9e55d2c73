package dev.failforward.report;

import dev.failforward.session.ScanResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Opens reports in a real browser (headless Chromium): hostile values from data must show as
 * text and run nothing, and the page must render. The screenshots and their reports stay in
 * {@code target/} for a person to look at.
 */
@Tag("slow")
class BrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("FAILFORWARD_CHROMIUM", "/usr/bin/chromium"));
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path temp;

    @Test
    void hostileValuesShowAsTextAndRunNothing() throws Exception {
        ScanResult r = Scans.hostileTelco();
        Path html = ReportWriter.writeAll(r, temp.resolve("hostile")).html();

        String dom = chromium(temp, "--dump-dom", html.toUri().toString());

        assertThat(dom).contains("<h1>").contains("Worst failures");
        assertThat(dom).as("the script value is shown as text").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(dom).as("no script element in the page").doesNotContainIgnoringCase("<script");
        assertThat(dom).as("no element made from an attribute value").doesNotContain("<svg onload").doesNotContain("data-pwned=\"1\"");
        assertThat(dom).doesNotContain("<b onmouseover").doesNotContain("<i>data</i>");
    }

    @Test
    void reportRendersToAScreenshot() throws Exception {
        Path shots = Path.of(System.getProperty("basedir", ".")).resolve("target");
        Files.createDirectories(shots);
        record Page(String name, ScanResult result) {
        }
        List<Page> pages = List.of(new Page("report-screenshot.png", Scans.telco()),
                new Page("report-screenshot-multiclass.png", Scans.iris()),
                new Page("report-screenshot-regression.png", Scans.ames()));
        for (Page page : pages) {
            String folder = page.name().replace(".png", "");
            Path html = ReportWriter.writeAll(page.result(), shots.resolve(folder)).html();
            Path png = shots.resolve(page.name());
            Files.deleteIfExists(png);
            chromium(temp, "--screenshot=" + png.toAbsolutePath(), "--window-size=1280,2400", html.toUri().toString());
            assertThat(png).as(page.name()).exists();
            byte[] bytes = Files.readAllBytes(png);
            assertThat(bytes.length).as(page.name() + " size").isGreaterThan(20_000);
            assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        }
    }

    @Test
    void rotatedChartLabelsStayInsideTheChart() throws Exception {
        List<String> longNames = List.of("Transfers_from_Authorized_Committees", "number_of_customer_service_calls",
                "Aircraft Airline Operator", "Rotten Tomatoes Rating", "total_day_minutes_over_the_last_month",
                "international_plan", "voice_mail_plan_enabled", "Wildlife Species");
        double[] values = {0.31, 0.27, 0.22, 0.19, 0.12, 0.08, 0.05, 0.02};
        long[][] counts = new long[longNames.size()][longNames.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i][i] = 10 + i;
            counts[i][(i + 1) % counts.length] = 3;
        }
        List<String> svgs = List.of(
                Charts.bar("Failure rate by column", "column", "failed (%)", longNames, values, Palette.VERMILLION),
                Charts.bar("Failure rate by column", "column", "failed (%)", longNames.subList(0, 4),
                        new double[] {0.3, 0.2, 0.1, 0.05}, Palette.VERMILLION, 0.15, "overall"),
                Charts.heatmap("Confusion matrix", "Predicted class", "True class", longNames, longNames, counts));
        // The page (not a report: a report runs no script) measures every label as the browser draws it.
        StringBuilder page = new StringBuilder("<!doctype html><html><body style=\"margin:0\">");
        for (String svg : svgs) {
            page.append("<div style=\"width:600px\">").append(svg).append("</div>");
        }
        page.append("<pre id=\"out\"></pre><script>const lines = [];"
                + "document.querySelectorAll('svg').forEach((svg, i) => { const b = svg.getBoundingClientRect();"
                + " svg.querySelectorAll('text').forEach(t => { const r = t.getBoundingClientRect();"
                + " if (r.left < b.left - 0.5 || r.right > b.right + 0.5 || r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5)"
                + " lines.push('chart ' + i + ' clips \"' + t.textContent + '\" (' + Math.round(r.left - b.left) + ','"
                + " + Math.round(r.top - b.top) + ' to ' + Math.round(r.right - b.left) + ',' + Math.round(r.bottom - b.top)"
                + " + ' in ' + Math.round(b.width) + 'x' + Math.round(b.height) + ')'); }); });"
                + "document.getElementById('out').textContent = 'measured ' + document.querySelectorAll('svg text').length"
                + " + ' labels\\n' + lines.join('\\n');</script></body></html>");
        Path html = temp.resolve("labels.html");
        Files.writeString(html, page.toString(), StandardCharsets.UTF_8);

        String dom = chromium(temp, "--dump-dom", html.toUri().toString());

        String out = dom.substring(dom.indexOf("<pre id=\"out\">") + "<pre id=\"out\">".length(), dom.indexOf("</pre>"));
        assertThat(out).as("the labels were measured").startsWith("measured ");
        assertThat(Integer.parseInt(out.substring(9, out.indexOf(' ', 9)))).isGreaterThan(30);
        assertThat(out.lines().skip(1).toList()).as("labels drawn outside their chart").isEmpty();
    }

    /** Runs headless Chromium with a fresh profile and returns what it printed on standard output. */
    static String chromium(Path temp, String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium is not installed at " + CHROMIUM + "; the browser tests need it. "
                    + "Run scripts/test, which installs it (or: apt-get install chromium).");
        }
        Path profile = Files.createTempDirectory(temp, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(temp, "chromium", ".out");
        Path err = Files.createTempFile(temp, "chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (p.exitValue() != 0) {
            fail("Chromium exited with " + p.exitValue() + ": " + Files.readString(err));
        }
        return Files.readString(out);
    }
}
