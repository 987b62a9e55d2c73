package dev.failforward.probe.text;

import dev.failforward.data.Table;

import java.util.List;
import java.util.Locale;

/**
 * Case and punctuation (INV): in a share {@code level} of sentences, one of — all lower case, all
 * upper case, punctuation removed — chosen per sentence.
 */
public final class CasePunctuationProbe implements TextProbe {

    @Override
    public String id() {
        return "case-punctuation";
    }

    @Override
    public String description() {
        return "text in lower case, upper case, or without punctuation (level = share of sentences)";
    }

    @Override
    public List<Double> levels() {
        return List.of(0.5, 1.0);
    }

    @Override
    public Table perturb(Table test, double level, long seed) {
        return TextRows.apply(test, id(), level, seed, (s, random) -> {
            boolean hit = random.nextDouble() < level;
            int kind = random.nextInt(3);
            return hit ? change(s, kind) : s;
        });
    }

    static String change(String sentence, int kind) {
        return switch (kind) {
            case 0 -> sentence.toLowerCase(Locale.ROOT);
            case 1 -> sentence.toUpperCase(Locale.ROOT);
            default -> sentence.replaceAll("(?<!\\p{L})'|'(?!\\p{L})|[\\p{P}&&[^']]", "").replaceAll("\\s{2,}", " ").strip();
        };
    }
}
