package dev.failforward.probe.text;

import dev.failforward.data.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Synonyms (INV): {@code level} words per sentence replaced by a WordNet synonym (see
 * {@link WordNet}), each word and synonym drawn per row. Function words and negations are never
 * replaced. Needs WordNet's files only when the table has text.
 */
public final class SynonymProbe implements TextProbe {

    /** Words never replaced: a synonym of these changes grammar or meaning, not wording. */
    static final Set<String> KEEP = Set.of("a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for",
            "with", "by", "from", "as", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have",
            "has", "had", "will", "would", "can", "could", "should", "not", "no", "never", "nor", "i", "me", "my", "we",
            "our", "you", "your", "he", "she", "it", "its", "they", "them", "their", "this", "that", "these", "those",
            "there", "here", "so", "too", "very", "just", "all", "any", "some", "one", "up", "out", "what", "who");

    @Override
    public String id() {
        return "synonym";
    }

    @Override
    public String description() {
        return "words in text replaced by WordNet synonyms (level = words replaced per sentence)";
    }

    @Override
    public List<Double> levels() {
        return List.of(1.0, 2.0);
    }

    @Override
    public Table perturb(Table test, double level, long seed) {
        if (TextRows.textFeatures(test).isEmpty() || level == 0) {
            return test;
        }
        WordNet wordNet = WordNet.shared();
        int edits = (int) Math.round(level);
        return TextRows.apply(test, id(), level, seed, (s, random) -> {
            List<Words.Span> candidates = new ArrayList<>(replaceable(s, wordNet));
            String out = s;
            for (int e = 0; e < edits && !candidates.isEmpty(); e++) {
                Words.Span w = candidates.remove(random.nextInt(candidates.size()));
                List<String> options = wordNet.synonyms(w.text());
                out = Words.replace(out, w, Words.matchCase(options.get(random.nextInt(options.size())), w.text()));
                // Later spans moved: find the rest again in the changed sentence.
                int shift = out.length() - s.length();
                List<Words.Span> moved = new ArrayList<>();
                for (Words.Span c : candidates) {
                    moved.add(c.start() > w.start() ? new Words.Span(c.text(), c.start() + shift, c.end() + shift) : c);
                }
                candidates = moved;
                s = out;
            }
            return out;
        });
    }

    /** Words of {@code sentence} that WordNet has a synonym for, function words left out. */
    static List<Words.Span> replaceable(String sentence, WordNet wordNet) {
        return Words.of(sentence).stream()
                .filter(w -> w.text().length() >= 3 && !KEEP.contains(w.lower()) && !w.text().contains("'")
                        && !wordNet.synonyms(w.text()).isEmpty())
                .toList();
    }
}
