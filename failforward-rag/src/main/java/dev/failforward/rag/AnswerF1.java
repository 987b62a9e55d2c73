package dev.failforward.rag;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Token F1 of a generated answer against a reference answer, normalised as SQuAD's evaluation does:
 * lower case, punctuation and the articles a, an, the removed, words split on white space; F1 is the
 * harmonic mean of the shares of shared words in the answer (precision) and in the reference (recall).
 */
public final class AnswerF1 {

    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    private AnswerF1() {
    }

    public static double of(String answer, String reference) {
        List<String> a = tokens(answer);
        List<String> r = tokens(reference);
        if (a.isEmpty() || r.isEmpty()) {
            return a.isEmpty() && r.isEmpty() ? 1.0 : 0.0;
        }
        Map<String, Integer> left = new HashMap<>();
        r.forEach(t -> left.merge(t, 1, Integer::sum));
        int shared = 0;
        for (String t : a) {
            Integer n = left.get(t);
            if (n != null && n > 0) {
                shared++;
                left.put(t, n - 1);
            }
        }
        if (shared == 0) {
            return 0.0;
        }
        double precision = shared / (double) a.size();
        double recall = shared / (double) r.size();
        return 2 * precision * recall / (precision + recall);
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]", " ");
        for (String t : plain.split("\\s+")) {
            if (!t.isEmpty() && !ARTICLES.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
