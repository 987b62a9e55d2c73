package dev.failforward.report;

import dev.failforward.probe.ProbeResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The "Probes" section of a probe run's HTML report: a flip-rate chart and a table per probe. */
public final class ProbeHtml {

    private ProbeHtml() {
    }

    public static String section(List<ProbeResult> results) {
        Map<String, List<ProbeResult>> byProbe = new LinkedHashMap<>();
        for (ProbeResult r : results) {
            byProbe.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
        }
        boolean regression = !results.isEmpty() && "mae".equals(results.get(0).metric());
        String rate = regression ? "Mean prediction shift" : "Flip rate";
        StringBuilder h = new StringBuilder();
        h.append("<section class=\"page\" id=\"probes\"><h2>Probes</h2>");
        h.append("<p class=\"lead\">Each probe perturbs the test rows at several levels; ")
                .append(Markup.escape(rate.toLowerCase())).append(" and metric per level. Every flipped row is logged with origin probe:&lt;id&gt;.</p>");
        for (Map.Entry<String, List<ProbeResult>> e : byProbe.entrySet()) {
            List<String> levels = e.getValue().stream().map(r -> Format.number(r.level())).toList();
            double[] rates = e.getValue().stream().mapToDouble(ProbeResult::flipRate).toArray();
            h.append("<div class=\"panel\"><h3>").append(Markup.escape(e.getKey())).append("</h3>");
            h.append(Charts.bar(rate + " — " + e.getKey(), "level", rate.toLowerCase(), levels, rates, Palette.VERMILLION));
            h.append("<table><thead><tr><th>Level</th><th class=\"num\">").append(Markup.escape(rate))
                    .append("</th><th>Metric</th><th class=\"num\">Original</th><th class=\"num\">Perturbed</th>")
                    .append("<th class=\"num\">Drop</th><th class=\"num\">Drop 95% CI</th><th>Expectation</th>")
                    .append("<th class=\"num\">Failures</th></tr></thead><tbody>");
            for (ProbeResult r : e.getValue()) {
                h.append("<tr><td>").append(Markup.escape(Format.number(r.level()))).append("</td><td class=\"num\">")
                        .append(Markup.escape(Format.number(r.flipRate()))).append("</td><td>").append(Markup.escape(r.metric()))
                        .append("</td><td class=\"num\">").append(Markup.escape(Format.number(r.original())))
                        .append("</td><td class=\"num\">").append(Markup.escape(Format.number(r.perturbed())))
                        .append("</td><td class=\"num\">").append(Markup.escape(Format.number(r.drop())))
                        .append("</td><td class=\"num\">").append(Markup.escape(Double.isNaN(r.dropLow()) ? "–"
                                : "[" + Format.number(r.dropLow()) + ", " + Format.number(r.dropHigh()) + "]"))
                        .append("</td><td>").append(Markup.escape(r.expectation()))
                        .append("</td><td class=\"num\">").append(r.failures()).append("</td></tr>");
            }
            h.append("</tbody></table></div>");
        }
        return h.append("</section>").toString();
    }
}
