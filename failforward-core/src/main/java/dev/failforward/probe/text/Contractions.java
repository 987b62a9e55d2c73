package dev.failforward.probe.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** English contractions and their long forms, to expand or contract a sentence. */
final class Contractions {

    /** Long form, contraction; the first long form of a contraction is the one it expands to. */
    private static final String[][] PAIRS = {
            {"is not", "isn't"}, {"are not", "aren't"}, {"was not", "wasn't"}, {"were not", "weren't"},
            {"do not", "don't"}, {"does not", "doesn't"}, {"did not", "didn't"}, {"cannot", "can't"},
            {"can not", "can't"}, {"will not", "won't"}, {"would not", "wouldn't"}, {"could not", "couldn't"},
            {"should not", "shouldn't"}, {"have not", "haven't"}, {"has not", "hasn't"}, {"had not", "hadn't"},
            {"must not", "mustn't"}, {"I am", "I'm"}, {"I have", "I've"}, {"I will", "I'll"}, {"I would", "I'd"},
            {"it is", "it's"}, {"that is", "that's"}, {"there is", "there's"}, {"what is", "what's"},
            {"he is", "he's"}, {"she is", "she's"}, {"they are", "they're"}, {"we are", "we're"},
            {"you are", "you're"}, {"they have", "they've"}, {"we have", "we've"}, {"you have", "you've"},
            {"let us", "let's"}, {"who is", "who's"}};

    private Contractions() {
    }

    /** The sentence with every contraction written out; unchanged when it has none. */
    static String expand(String sentence) {
        String out = sentence;
        List<String> seen = new ArrayList<>();
        for (String[] p : PAIRS) {
            if (seen.contains(p[1])) {
                continue;
            }
            seen.add(p[1]);
            out = swap(out, p[1], p[0]);
        }
        return out;
    }

    /** The sentence with every long form contracted; unchanged when it has none. */
    static String contract(String sentence) {
        String out = sentence;
        for (String[] p : PAIRS) {
            out = swap(out, p[0], p[1]);
        }
        return out;
    }

    /** Replaces whole-word occurrences of {@code from} (any case, straight or curly apostrophe) by {@code to} in the case found. */
    private static String swap(String sentence, String from, String to) {
        Pattern p = Pattern.compile("(?<![\\p{L}'])" + Pattern.quote(from).replace("'", "\\E['\u2019]\\Q") + "(?![\\p{L}'])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Matcher m = p.matcher(sentence);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = m.group();
            String replacement = found.equals(found.toUpperCase(Locale.ROOT)) && found.length() > 1
                    && !found.equals(found.toLowerCase(Locale.ROOT)) && !from.startsWith("I ")
                    ? to.toUpperCase(Locale.ROOT) : Words.matchCase(to, found);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
