package dev.failforward.report;

import dev.failforward.probe.ProbeExample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Worst examples" section of a probe run's HTML report: per probe, the rows whose score moved
 * most, with the changed values and the prediction before and after side by side.
 */
public final class ProbeExamplesHtml {

    /** At most this many examples per probe (over all its levels), largest move first. */
    static final int PER_PROBE = 5;

    private ProbeExamplesHtml() {
    }

    public static String section(List<ProbeExample> examples) {
        if (examples.isEmpty()) {
            return "";
        }
        Map<String, List<ProbeExample>> byProbe = new LinkedHashMap<>();
        for (ProbeExample e : examples) {
            byProbe.computeIfAbsent(e.probe(), k -> new ArrayList<>()).add(e);
        }
        StringBuilder h = new StringBuilder();
        h.append("<section class=\"page\" id=\"probe-examples\"><h2>Worst examples</h2>");
        h.append("<p class=\"lead\">The rows each probe moved most: changed values before → after, and the prediction before → after.</p>");
        for (Map.Entry<String, List<ProbeExample>> entry : byProbe.entrySet()) {
            List<ProbeExample> worst = new ArrayList<>(entry.getValue());
            worst.sort((a, b) -> Double.compare(Math.abs(b.scoreAfter() - b.scoreBefore()), Math.abs(a.scoreAfter() - a.scoreBefore())));
            h.append("<div class=\"panel\"><h3>").append(Markup.escape(entry.getKey())).append("</h3>");
            h.append("<table><thead><tr><th>Row</th><th class=\"num\">Level</th><th>Changed values</th>")
                    .append("<th>Prediction</th><th>Score</th><th class=\"num\">Before</th><th class=\"num\">After</th>")
                    .append("</tr></thead><tbody>");
            for (ProbeExample e : worst.subList(0, Math.min(PER_PROBE, worst.size()))) {
                h.append("<tr><td>").append(Markup.escape(e.rowKey())).append("</td><td class=\"num\">")
                        .append(Markup.escape(Format.number(e.level()))).append("</td><td>");
                for (Map.Entry<String, Object> v : e.perturbed().entrySet()) {
                    h.append("<div><code>").append(Markup.escape(v.getKey())).append("</code>: ")
                            .append(Markup.escape(shown(e.original().get(v.getKey())))).append(" → ")
                            .append(Markup.escape(shown(v.getValue()))).append("</div>");
                }
                h.append("</td><td>").append(Markup.escape(e.predictedBefore())).append(" → ")
                        .append(Markup.escape(e.predictedAfter())).append("</td><td>").append(Markup.escape(e.scoreOf()))
                        .append("</td><td class=\"num\">").append(Markup.escape(Format.number(e.scoreBefore())))
                        .append("</td><td class=\"num\">").append(Markup.escape(Format.number(e.scoreAfter())))
                        .append("</td></tr>");
            }
            h.append("</tbody></table></div>");
        }
        return h.append("</section>").toString();
    }

    private static String shown(Object v) {
        return v == null ? "(missing)" : Format.value(v);
    }
}
