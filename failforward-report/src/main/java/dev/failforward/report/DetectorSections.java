package dev.failforward.report;

import dev.failforward.detect.DetectorChart;
import dev.failforward.detect.DetectorResult;
import dev.failforward.detect.Detectors;
import dev.failforward.detect.Finding;
import dev.failforward.session.ScanResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTML section "Detectors": per detector its status, headline measurements, the charts the
 * detector describes ({@link dev.failforward.detect.Detector#charts}; distributions through
 * {@link DistributionCharts}) and its findings; no detector is known here by its id. Every value from data goes through {@link Markup}, which escapes it.
 */
final class DetectorSections {

    private DetectorSections() {
    }

    static void render(Markup h, ScanResult result) {
        if (result.detectors().isEmpty()) {
            return;
        }
        h.open("section", "aria-labelledby", "detectors");
        h.element("h2", "Detectors", "id", "detectors");
        h.element("p", "Where failures concentrate and why. Severities come from configurable thresholds; "
                + "all measurements are in report.json.", "class", "lead");
        for (DetectorResult d : result.detectors()) {
            List<Finding> findings = result.findings().stream().filter(f -> f.detector().equals(d.id())).toList();
            h.open("div", "class", "panel detector", "id", "detector-" + d.id());
            h.open("h3").text(d.id() + " ");
            h.element("span", d.status().id(), "class", d.status() == DetectorResult.Status.OK ? "badge" : "badge warn");
            h.close();
            if (d.status() == DetectorResult.Status.ERROR) {
                h.element("p", "This detector failed: " + d.error(), "class", "wrong");
                h.close();
                continue;
            }
            if (d.measurements() instanceof dev.failforward.detect.Measurements.NotApplicable na) {
                h.element("p", na.reason(), "class", "lead");
            }
            for (DetectorChart chart : charts(d)) {
                if (chart instanceof DetectorChart.Gallery g) {
                    DistributionCharts.render(h, g);
                } else {
                    h.open("figure").raw(draw(chart)).close();
                }
            }
            if (findings.isEmpty()) {
                h.element("p", "No findings.", "class", "empty");
            } else {
                h.open("div", "class", "scroll").open("table");
                h.open("thead").open("tr").element("th", "Severity").element("th", "Finding")
                        .element("th", "Rows", "class", "num").close().close();
                h.open("tbody");
                for (Finding f : findings) {
                    h.open("tr").open("td").element("span", f.severity().id(), "class", "tag sev-" + f.severity().id()).close()
                            .element("td", f.title(), "class", "label-cell").element("td", Format.count(f.rows()), "class", "num").close();
                }
                h.close().close().close();
            }
            h.close();
        }
        h.close();
    }

    /** The charts the detector describes for its measurements; none for a detector no longer registered. */
    private static List<DetectorChart> charts(DetectorResult d) {
        return Detectors.all().stream().filter(x -> x.id().equals(d.id())).findFirst()
                .map(x -> x.charts(d.measurements())).orElse(List.of());
    }

    private static String draw(DetectorChart chart) {
        if (chart instanceof DetectorChart.Bars b) {
            return Charts.bar(b.title(), b.xLabel(), b.yLabel(), b.names(), b.values(), Palette.VERMILLION);
        }
        if (chart instanceof DetectorChart.Distribution d) {
            return DistributionCharts.chart(d);
        }
        if (chart instanceof DetectorChart.Gallery g) {
            throw new IllegalArgumentException("a gallery is drawn with its caption: " + g.title());
        }
        DetectorChart.Curve c = (DetectorChart.Curve) chart;
        List<Series> series = new ArrayList<>();
        if (c.diagonal()) {
            series.add(Series.dashed("perfect calibration", new double[]{0, 1}, new double[]{0, 1}, Palette.GREY));
        }
        series.add(new Series(c.name(), c.x(), c.y(), Palette.BLUE, Series.Mark.LINE_AND_DOTS, c.tooltips()));
        return Charts.line(c.title(), c.xLabel(), c.yLabel(), series);
    }
}
