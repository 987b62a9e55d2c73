package dev.failforward.rag;

import dev.failforward.data.Column;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;
import dev.failforward.probe.Probe;
import dev.failforward.probe.Probes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Rewrites questions the way users do: the text probes of core ({@code typo}, {@code case-punctuation},
 * {@code synonym}), and two of its own: {@code word-order} (two neighbouring words swapped) and
 * {@code drop-word} (one word of four or more letters left out). Each question draws from its own
 * stream seeded by the seed, the perturbation and the question's position.
 */
public interface QuestionPerturbation {

    List<String> IDS = List.of("typo", "case-punctuation", "synonym", "word-order", "drop-word");

    String id();

    List<String> apply(List<String> questions, long seed);

    static QuestionPerturbation find(String id) {
        return switch (id) {
            case "typo", "case-punctuation", "synonym" -> core(Probes.find(id));
            case "word-order" -> own(id, (words, random) -> {
                if (words.size() >= 2) {
                    int i = random.nextInt(words.size() - 1);
                    String w = words.get(i);
                    words.set(i, words.get(i + 1));
                    words.set(i + 1, w);
                }
            });
            case "drop-word" -> own(id, (words, random) -> {
                List<Integer> long4 = new ArrayList<>();
                for (int i = 0; i < words.size(); i++) {
                    if (words.get(i).replaceAll("[^\\p{L}]", "").length() >= 4) {
                        long4.add(i);
                    }
                }
                if (!long4.isEmpty() && words.size() > 1) {
                    words.remove((int) long4.get(random.nextInt(long4.size())));
                }
            });
            default -> throw new IllegalArgumentException("unknown perturbation '" + id + "'; known: " + String.join(", ", IDS));
        };
    }

    /** A core text probe at level 1, applied to a one-column table of the questions. */
    private static QuestionPerturbation core(Probe probe) {
        return new QuestionPerturbation() {
            @Override
            public String id() {
                return probe.id();
            }

            @Override
            public List<String> apply(List<String> questions, long seed) {
                Table t = Table.of("questions", List.of(new TextColumn("question", questions.toArray(String[]::new))));
                Column changed = probe.perturb(t, 1.0, seed).column("question");
                List<String> out = new ArrayList<>();
                for (int i = 0; i < questions.size(); i++) {
                    out.add(changed.isMissing(i) ? questions.get(i) : String.valueOf(changed.value(i)));
                }
                return out;
            }
        };
    }

    private static QuestionPerturbation own(String id, java.util.function.BiConsumer<List<String>, SplittableRandom> edit) {
        return new QuestionPerturbation() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<String> apply(List<String> questions, long seed) {
                List<String> out = new ArrayList<>();
                for (int i = 0; i < questions.size(); i++) {
                    SplittableRandom random = new SplittableRandom(seed * 31 + id.hashCode() * 1_000_003L + i);
                    List<String> words = new ArrayList<>(Arrays.asList(questions.get(i).strip().split("\\s+")));
                    edit.accept(words, random);
                    out.add(String.join(" ", words));
                }
                return out;
            }

            @Override
            public String toString() {
                return id.toLowerCase(Locale.ROOT);
            }
        };
    }
}
