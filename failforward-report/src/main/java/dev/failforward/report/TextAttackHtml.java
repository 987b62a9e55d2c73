package dev.failforward.report;

import dev.failforward.failure.Failure;
import dev.failforward.probe.text.TextAttackResult;

/** The "Text adversarial search" section of a probe run's report.html: success rate, words changed, examples side by side. */
public final class TextAttackHtml {

    private TextAttackHtml() {
    }

    public static String section(TextAttackResult r) {
        StringBuilder h = new StringBuilder();
        h.append("<section class=\"page\" id=\"text-adversarial\"><h2>Text adversarial search</h2>");
        h.append("<p class=\"lead\">Greedy word substitution with WordNet synonyms, most important words first, up to ")
                .append(r.budget()).append(" words per sentence of column ").append(Markup.escape(String.valueOf(r.column())))
                .append(". Flipped <strong>").append(r.succeeded()).append("</strong> of ").append(r.attacked())
                .append(" correctly predicted rows (success rate ").append(Markup.escape(Format.number(r.successRate())))
                .append("), median words changed ").append(Markup.escape(Format.number(r.medianWordsChanged())))
                .append(". Each example was scored again and still flips.</p>");
        h.append("<table><thead><tr><th>Original</th><th>Adversarial</th><th>Expected</th><th>Predicted</th>")
                .append("<th class=\"num\">Words</th></tr></thead><tbody>");
        for (Failure f : r.failures().stream().limit(TextAttackJson.EXAMPLES).toList()) {
            h.append("<tr><td>").append(Markup.escape(String.valueOf(f.input().get(r.column()))))
                    .append("</td><td>").append(Markup.escape(String.valueOf(f.perturbation().perturbedInput().get(r.column()))))
                    .append("</td><td>").append(Markup.escape(f.expected())).append("</td><td>").append(Markup.escape(f.predicted()))
                    .append("</td><td class=\"num\">").append(Markup.escape(f.perturbation().params().get("words_changed")))
                    .append("</td></tr>");
        }
        return h.append("</tbody></table></section>").toString();
    }
}
