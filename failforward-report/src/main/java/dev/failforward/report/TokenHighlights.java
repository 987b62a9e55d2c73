package dev.failforward.report;

import dev.failforward.explain.Attribution;
import dev.failforward.explain.Explanation;
import dev.failforward.explain.TextTokens;
import dev.failforward.failure.Failure;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text inputs of explained failures with each word highlighted by its attribution: a vermillion
 * background for words pushing towards the explained class, blue for words pushing away, stronger
 * the larger the attribution against the row's largest. The black-box counterpart of showing a
 * model's attention. Words and text are escaped; only the colour is computed here.
 */
final class TokenHighlights {

    private TokenHighlights() {
    }

    /** Renders the worst {@code limit} failures that have word attributions; nothing if none has. */
    static void render(Markup h, List<Failure> failures, Map<String, Explanation> byFailure, int limit) {
        List<Failure> withWords = failures.stream().filter(f -> byFailure.containsKey(f.id()))
                .filter(f -> !wordAttributions(f, byFailure.get(f.id())).isEmpty())
                .sorted(Comparator.comparingDouble(Failure::loss).reversed().thenComparing(Failure::id)).toList();
        if (withWords.isEmpty()) {
            return;
        }
        h.element("h4", "Words that drove the failures");
        h.element("p", "Each word's background shows its attribution: vermillion towards the explained (wrongly predicted) class, "
                + "blue away from it; hover over a word for its value.", "class", "lead");
        for (Failure f : withWords.subList(0, Math.min(limit, withWords.size()))) {
            Explanation e = byFailure.get(f.id());
            Map<String, Map<String, Double>> byColumn = wordAttributions(f, e);
            h.open("div", "class", "highlight");
            h.element("div", "Row " + f.rowKey() + ": expected " + f.expected() + ", predicted " + f.predicted()
                    + " (attributions to '" + e.output() + "', " + e.scale() + ")", "class", "note");
            byColumn.forEach((column, words) -> sentence(h, column, String.valueOf(f.input().get(column)), words));
            h.close();
        }
    }

    /** One text with its words highlighted. */
    static void sentence(Markup h, String column, String text, Map<String, Double> words) {
        double max = words.values().stream().mapToDouble(Math::abs).max().orElse(0);
        h.open("p", "class", "sentence").element("span", column, "class", "key").text(" ");
        int at = 0;
        for (TextTokens.Token t : TextTokens.of(text)) {
            h.text(text.substring(at, t.start()));
            String word = text.substring(t.start(), t.end());
            Double v = words.get(t.word());
            if (v == null) {
                h.text(word);
            } else {
                h.element("span", word, "class", "token", "style", "background:" + colour(v, max),
                        "title", t.word() + ": " + Format.number(v));
            }
            at = t.end();
        }
        h.text(text.substring(at)).close();
    }

    /** Text columns of the failure's input whose words carry attributions: column to word to attribution. */
    static Map<String, Map<String, Double>> wordAttributions(Failure f, Explanation e) {
        Map<String, Double> byFeature = new HashMap<>();
        for (Attribution a : e.attributions()) {
            byFeature.put(a.feature(), a.value());
        }
        Map<String, Map<String, Double>> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> in : f.input().entrySet()) {
            if (!(in.getValue() instanceof String text)) {
                continue;
            }
            Map<String, Double> words = new java.util.LinkedHashMap<>();
            for (String word : TextTokens.words(TextTokens.of(text))) {
                Double v = byFeature.get(TextTokens.feature(in.getKey(), word));
                if (v != null) {
                    words.put(word, v);
                }
            }
            if (!words.isEmpty()) {
                out.put(in.getKey(), words);
            }
        }
        return out;
    }

    /** Vermillion (towards) or blue (away), alpha in proportion to |v| / max. */
    static String colour(double v, double max) {
        double alpha = max > 0 && Double.isFinite(v) ? Math.min(1, Math.abs(v) / max) * 0.75 : 0;
        return v >= 0 ? String.format(Locale.ROOT, "rgba(213,94,0,%.2f)", alpha)
                : String.format(Locale.ROOT, "rgba(0,114,178,%.2f)", alpha);
    }

}
