package dev.failforward.report;

import dev.failforward.probe.stress.StressOutcome;
import dev.failforward.probe.stress.StressResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The "Stress tests" section of a probe run's HTML report: a bar chart of the metric on each stress split
 * next to the random split's, and a table with the drop and the failures of each.
 */
public final class StressHtml {

    private StressHtml() {
    }

    public static String section(StressOutcome outcome) {
        List<StressResult> results = outcome.results();
        StringBuilder h = new StringBuilder();
        h.append("<section class=\"page\" id=\"stress\"><h2>Stress tests with unseen data</h2>");
        h.append("<p class=\"lead\">Each split tests the model on data it has not seen the like of: a held-out group, the")
                .append(" future of a time column, or a test set shifted toward some values; the drop is measured against the")
                .append(" random split. Wrong predictions are logged with origin probe:&lt;kind&gt;.</p>");
        if (!results.isEmpty()) {
            String metric = results.get(0).metric();
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            names.add("random split");
            values.add(results.get(0).randomSplitValue());
            for (StressResult r : results) {
                names.add(r.kind().id() + ": " + r.group());
                values.add(r.value());
            }
            h.append("<div class=\"panel\">").append(Charts.bar(metric + " per stress split", "split", metric, names,
                    values.stream().mapToDouble(Double::doubleValue).toArray(), Palette.VERMILLION)).append("</div>");
        }
        h.append("<table><thead><tr><th>Kind</th><th>Column</th><th>Group</th><th class=\"num\">Rows</th>")
                .append("<th class=\"num\">Training rows</th><th>Metric</th><th class=\"num\">Value</th>")
                .append("<th class=\"num\">Random split</th><th class=\"num\">Drop</th><th class=\"num\">Failures</th></tr></thead><tbody>");
        for (StressResult r : results) {
            h.append("<tr><td>").append(Markup.escape(r.kind().id())).append("</td><td>").append(Markup.escape(r.column()))
                    .append("</td><td>").append(Markup.escape(r.group())).append("</td><td class=\"num\">").append(r.rows())
                    .append("</td><td class=\"num\">").append(r.trainRows() == 0 ? "run's model" : Integer.toString(r.trainRows()))
                    .append("</td><td>").append(Markup.escape(r.metric())).append("</td>");
            if (r.error() != null) {
                h.append("<td colspan=\"4\">error: ").append(Markup.escape(r.error())).append("</td>");
            } else {
                h.append("<td class=\"num\">").append(Markup.escape(Format.number(r.value()))).append("</td><td class=\"num\">")
                        .append(Markup.escape(Format.number(r.randomSplitValue()))).append("</td><td class=\"num\">")
                        .append(Markup.escape(Format.number(r.drop()))).append("</td><td class=\"num\">").append(r.failures())
                        .append("</td>");
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table></section>").toString();
    }
}
