package dev.failforward.report;

import dev.failforward.probe.adversarial.AdversarialExample;
import dev.failforward.probe.adversarial.AdversarialOutcome;
import dev.failforward.probe.adversarial.AdversarialSummary;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The "Adversarial search" section of a probe run's HTML report: success rate and distances, a
 * histogram of the change sizes, the features most often changed, and the smallest examples with their
 * original and adversarial values side by side.
 */
public final class AdversarialHtml {

    static final int EXAMPLES = 10;

    private AdversarialHtml() {
    }

    public static String section(AdversarialOutcome outcome) {
        AdversarialSummary s = outcome.summary();
        StringBuilder h = new StringBuilder();
        h.append("<section class=\"page\" id=\"adversarial\"><h2>Adversarial search</h2>");
        h.append("<p class=\"lead\">For each correctly predicted test row searched, the smallest change found (numeric features in")
                .append(" training standard deviations, 1 per changed category) that flips the predicted class. Every example")
                .append(" was re-scored to confirm the flip; each is logged with origin probe:adversarial.</p>");
        h.append("<table><tbody>");
        row(h, "Rows searched", s.attempted() + " of " + s.correct() + " correctly predicted (" + s.rows() + " test rows)");
        row(h, "Flipped (verified)", s.succeeded() + " (" + Format.number(100 * s.successRate()) + "%)");
        row(h, "Found but not confirmed", Integer.toString(s.unverified()));
        row(h, "Median distance", Format.number(s.medianDistance()) + " (p25 " + Format.number(s.p25Distance()) + ", p75 "
                + Format.number(s.p75Distance()) + ", p90 " + Format.number(s.p90Distance()) + ", max "
                + Format.number(s.maxDistance()) + ")");
        row(h, "Model evaluations per row", "mean " + Format.number(s.meanEvaluations()) + ", median "
                + Format.number(s.medianEvaluations()) + ", max " + s.maxEvaluations() + " (budget " + s.budget() + ")");
        h.append("</tbody></table>");
        double[] distances = outcome.examples().stream().mapToDouble(AdversarialExample::distance).toArray();
        h.append("<div class=\"panel\">")
                .append(Charts.histogram("Size of the change that flips a row", "distance (scaled units)", distances, 20,
                        Palette.VERMILLION))
                .append("</div>");
        if (!s.features().isEmpty()) {
            List<Map.Entry<String, Integer>> top = s.features().entrySet().stream().limit(15).toList();
            h.append("<div class=\"panel\">").append(Charts.bar("Features most often changed", "feature", "examples",
                    top.stream().map(Map.Entry::getKey).toList(),
                    top.stream().mapToDouble(Map.Entry::getValue).toArray(), Palette.BLUE)).append("</div>");
        }
        List<AdversarialExample> smallest = smallest(outcome, EXAMPLES);
        if (!smallest.isEmpty()) {
            h.append("<h3>Smallest changes</h3><table><thead><tr><th>Row</th><th>Expected</th><th>Now predicted</th>")
                    .append("<th class=\"num\">Distance</th><th>Feature</th><th>Original</th><th>Adversarial</th></tr></thead><tbody>");
            for (AdversarialExample x : smallest) {
                for (int i = 0; i < x.changed().size(); i++) {
                    String c = x.changed().get(i);
                    h.append("<tr>");
                    if (i == 0) {
                        String span = " rowspan=\"" + x.changed().size() + "\"";
                        h.append("<td").append(span).append(">").append(Markup.escape(x.rowKey())).append("</td><td")
                                .append(span).append(">").append(Markup.escape(x.expected())).append("</td><td").append(span)
                                .append(">").append(Markup.escape(x.predicted())).append("</td><td class=\"num\"").append(span)
                                .append(">").append(Markup.escape(Format.number(x.distance()))).append("</td>");
                    }
                    h.append("<td>").append(Markup.escape(c)).append("</td><td>")
                            .append(Markup.escape(String.valueOf(x.original().get(c)))).append("</td><td>")
                            .append(Markup.escape(String.valueOf(x.adversarial().get(c)))).append("</td></tr>");
                }
            }
            h.append("</tbody></table>");
        }
        return h.append("</section>").toString();
    }

    /** The {@code n} examples with the smallest distance (ties in row order). */
    static List<AdversarialExample> smallest(AdversarialOutcome outcome, int n) {
        return outcome.examples().stream().sorted(Comparator.comparingDouble(AdversarialExample::distance)).limit(n).toList();
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(Markup.escape(name)).append("</th><td>").append(Markup.escape(value)).append("</td></tr>");
    }
}
