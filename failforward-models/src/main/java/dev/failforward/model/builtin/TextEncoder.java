package dev.failforward.model.builtin;

import dev.failforward.data.Column;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A free-text column as a bag of words: one {@code <col>:word=<token>} count for each of the most
 * frequent lower-cased word tokens of the training rows, plus a {@code <col>:missing} indicator.
 * Words outside the vocabulary are ignored, so any text can be scored.
 */
public record TextEncoder(String column, List<String> vocabulary) implements ColumnEncoder {

    private static final long serialVersionUID = 1L;

    /** The vocabulary holds at most this many tokens. */
    public static final int MAX_TOKENS = 300;

    public TextEncoder {
        vocabulary = List.copyOf(vocabulary);
    }

    /** Keeps the {@value #MAX_TOKENS} most frequent training tokens; ties go to the smaller token, so the choice is stable. */
    public static TextEncoder fit(Column train) {
        Map<String, long[]> counts = new HashMap<>();
        for (int r = 0; r < train.size(); r++) {
            if (!train.isMissing(r)) {
                tokens(train.text(r), t -> counts.computeIfAbsent(t, k -> new long[1])[0]++);
            }
        }
        List<Map.Entry<String, long[]>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey));
        return new TextEncoder(train.name(), ranked.stream().limit(MAX_TOKENS).map(Map.Entry::getKey).toList());
    }

    @Override
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(vocabulary.size() + 1);
        for (String token : vocabulary) {
            names.add(column + ":word=" + token);
        }
        names.add(column + ":missing");
        return names;
    }

    @Override
    public void encode(Column input, int from, int to, double[] out, int stride, int offset) {
        Map<String, Integer> slotOfToken = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            slotOfToken.put(vocabulary.get(i), i);
        }
        int missing = vocabulary.size();
        for (int r = from; r < to; r++) {
            int at = (r - from) * stride + offset;
            if (input.isMissing(r)) {
                out[at + missing] = 1;
                continue;
            }
            tokens(input.text(r), t -> {
                Integer slot = slotOfToken.get(t);
                if (slot != null) {
                    out[at + slot]++;
                }
            });
        }
    }

    /** Splits text into lower-cased runs of letters and digits. */
    static void tokens(String text, Consumer<String> sink) {
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        int i = 0;
        while (i < lower.length()) {
            int cp = lower.codePointAt(i);
            boolean word = Character.isLetterOrDigit(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                sink.accept(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            sink.accept(lower.substring(start));
        }
    }
}
