package dev.failforward.probe.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a sentence's meaning around by adding "not" after its first auxiliary verb ("is good" →
 * "is not good"). Sentences that already hold a negation are left alone: removing one often keeps
 * the sentiment ("does not air it enough ... a must-have" → "does air it enough ..."), which would
 * make false failures.
 */
final class Negation {

    private static final Pattern NEGATED = Pattern.compile(
            "(?<![\\p{L}'])(?:\\p{L}+n['\u2019]t|cannot|not|never|no)(?![\\p{L}'])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Auxiliaries that take "not" after them ("is" → "is not"); "has/have/had" are left out, being verbs of owning as often. */
    private static final Set<String> AUXILIARIES = Set.of("is", "are", "was", "were", "am", "will", "would", "can", "could",
            "should", "must", "do", "does", "did", "i'm", "it's", "that's", "they're", "you're", "we're", "he's", "she's",
            "there's");

    private Negation() {
    }

    /** Whether the sentence holds a negation (not, n't, cannot, never, no). */
    static boolean negated(String sentence) {
        return NEGATED.matcher(sentence).find();
    }

    /** The sentence with "not" added; unchanged when it is already negated or has no auxiliary verb. */
    static String add(String sentence) {
        if (negated(sentence)) {
            return sentence;
        }
        for (Words.Span w : Words.of(sentence)) {
            if (AUXILIARIES.contains(w.lower().replace('\u2019', '\''))) {
                String not = w.text().equals(w.text().toUpperCase(Locale.ROOT)) && w.text().length() > 1 ? "NOT" : "not";
                return sentence.substring(0, w.end()) + " " + not + sentence.substring(w.end());
            }
        }
        return sentence;
    }
}
