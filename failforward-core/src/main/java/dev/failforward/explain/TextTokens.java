package dev.failforward.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a text input as explainers and reports see them: runs of letters and digits,
 * compared lower-cased, with their place in the text. Text explanations attribute to each distinct
 * word of a text column (all its occurrences removed or kept together, as LIME does for text); the
 * word's feature name is {@link #feature}, so a report can put each attribution back on the words.
 */
public final class TextTokens {

    /** A word at {@code [start, end)} of the text; {@code word} is its lower-cased form. */
    public record Token(int start, int end, String word) {
    }

    private TextTokens() {
    }

    /** The words of {@code text} in order; none for {@code null}. */
    public static List<Token> of(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int start = -1;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            boolean word = Character.isLetterOrDigit(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(new Token(start, i, text.substring(start, i).toLowerCase(Locale.ROOT)));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(new Token(start, text.length(), text.substring(start).toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** The distinct words of {@code tokens}, in order of first appearance. */
    public static List<String> words(List<Token> tokens) {
        java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
        tokens.forEach(t -> words.add(t.word()));
        return new ArrayList<>(words);
    }

    /** The feature name of a word of a text column. */
    public static String feature(String column, String word) {
        return column + ": " + word;
    }

    /**
     * {@code text} without the tokens whose word is unknown: token t's word is
     * {@code wordOfToken[t]}, known when {@code known[offset + word]}. The text between words
     * stays, so punctuation and spacing survive.
     */
    static String without(String text, List<Token> tokens, int[] wordOfToken, boolean[] known, int offset) {
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            if (!known[offset + wordOfToken[t]]) {
                sb.append(text, at, token.start());
                at = token.end();
            }
        }
        sb.append(text, at, text.length());
        return sb.toString();
    }
}
