package dev.failforward.report;

import dev.failforward.detect.DetectorResult;
import dev.failforward.detect.Finding;
import dev.failforward.session.ScanResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTML section "Detectors": per detector its status, headline measurements, a chart where one
 * helps (slice error rates, reliability diagram, drift per feature with {@link DriftHistograms},
 * single-feature power) and its findings. Every value from data goes through {@link Markup}, which escapes it.
 */
final class DetectorSections {

    private static final int BARS = 12;

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
            Object reason = d.measurements().get("reason");
            if (reason != null) {
                h.element("p", String.valueOf(reason), "class", "lead");
            }
            String chart = chart(d);
            if (chart != null) {
                h.open("figure").raw(chart).close();
            }
            if (d.id().equals("drift")) {
                DriftHistograms.render(h, d);
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

    @SuppressWarnings("unchecked")
    private static String chart(DetectorResult d) {
        Map<String, Object> m = d.measurements();
        switch (d.id()) {
            case "weak-slice": {
                List<Map<String, Object>> slices = (List<Map<String, Object>>) m.getOrDefault("slices", List.of());
                return bars("Failure rate of the top slices", "slice", "failure rate", slices, "slice", "error_rate");
            }
            case "calibration": {
                List<Map<String, Object>> bins = (List<Map<String, Object>>) m.get("reliability");
                if (bins == null || bins.isEmpty()) {
                    return null;
                }
                double[] x = new double[bins.size()];
                double[] y = new double[bins.size()];
                List<String> tips = new ArrayList<>();
                for (int i = 0; i < x.length; i++) {
                    x[i] = ((Number) bins.get(i).get("mean_confidence")).doubleValue();
                    y[i] = ((Number) bins.get(i).get("accuracy")).doubleValue();
                    tips.add(bins.get(i).get("count") + " rows: confidence " + Format.number(x[i]) + ", accuracy " + Format.number(y[i]));
                }
                return Charts.line("Reliability diagram", "mean confidence", "accuracy", List.of(
                        Series.dashed("perfect calibration", new double[]{0, 1}, new double[]{0, 1}, Palette.GREY),
                        new Series("model", x, y, Palette.BLUE, Series.Mark.LINE_AND_DOTS, tips)));
            }
            case "drift": {
                List<Map<String, Object>> features = (List<Map<String, Object>>) m.getOrDefault("features", List.of());
                String compared = m.getOrDefault("reference", "training") + " → " + m.getOrDefault("current", "test rows");
                return bars("PSI per feature (" + compared + ")", "feature", "PSI", features, "feature", "psi");
            }
            case "leakage": {
                List<Map<String, Object>> power = (List<Map<String, Object>>) m.getOrDefault("single_feature_power", List.of());
                return bars("Predictive power of each feature alone", "feature", "power (0 = none, 1 = perfect)", power, "feature", "power");
            }
            default:
                return null;
        }
    }

    private static String bars(String title, String x, String y, List<Map<String, Object>> rows, String nameKey, String valueKey) {
        if (rows.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> shown = rows.subList(0, Math.min(BARS, rows.size()));
        List<String> names = new ArrayList<>();
        double[] values = new double[shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            names.add(String.valueOf(shown.get(i).get(nameKey)));
            Object v = shown.get(i).get(valueKey);
            values[i] = v instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return Charts.bar(title, x, y, names, values, Palette.VERMILLION);
    }
}
