package dev.failforward.probe.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words of a sentence with their positions, so an edit can replace one word and keep the rest as written. */
final class Words {

    /** A word: letters, with inner apostrophes ({@code don't}, {@code John's}). */
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:'\\p{L}+)*");

    /** One word and where it is. */
    record Span(String text, int start, int end) {
        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    private Words() {
    }

    static List<Span> of(String sentence) {
        List<Span> out = new ArrayList<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            out.add(new Span(m.group(), m.start(), m.end()));
        }
        return out;
    }

    static String replace(String sentence, Span span, String with) {
        return sentence.substring(0, span.start()) + with + sentence.substring(span.end());
    }

    /** {@code word} written in the case pattern of {@code like}: all capitals, first capital, or as given. */
    static String matchCase(String word, String like) {
        if (like.length() > 1 && like.equals(like.toUpperCase(Locale.ROOT)) && !like.equals(like.toLowerCase(Locale.ROOT))) {
            return word.toUpperCase(Locale.ROOT);
        }
        if (!like.isEmpty() && Character.isUpperCase(like.charAt(0)) && !word.isEmpty()) {
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
        return word;
    }
}
