package dev.failforward.probe.text;

import dev.failforward.data.Table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Person and place names swapped (INV, after CheckList): every name from the built-in lists
 * ({@code names.txt}, {@code locations.txt}) in a sentence is replaced by another name of the same
 * list, the same name by the same replacement. Sentences that name no one and nowhere stay as they
 * are. Each level draws other replacements, so the levels are repeated tries at {@code level}
 * share of sentences.
 */
public final class NameSwapProbe implements TextProbe {

    private static final List<String> PEOPLE = WordList.load("names.txt");
    private static final List<String> PLACES = WordList.load("locations.txt");

    @Override
    public String id() {
        return "name-swap";
    }

    @Override
    public String description() {
        return "person and place names in text replaced by others (level = share of sentences; each level draws anew)";
    }

    @Override
    public List<Double> levels() {
        return List.of(0.5, 1.0);
    }

    @Override
    public Table perturb(Table test, double level, long seed) {
        return TextRows.apply(test, id(), level, seed, (s, random) -> {
            if (random.nextDouble() >= level) {
                return s;
            }
            Map<String, String> chosen = new HashMap<>();
            StringBuilder out = new StringBuilder();
            int at = 0;
            for (Words.Span w : Words.of(s)) {
                List<String> list = PEOPLE.contains(w.text()) ? PEOPLE : PLACES.contains(w.text()) ? PLACES : null;
                if (list == null) {
                    continue;
                }
                String with = chosen.computeIfAbsent(w.text(), k -> {
                    String other = list.get(random.nextInt(list.size() - 1));
                    return other.equals(k) ? list.get(list.size() - 1) : other;
                });
                out.append(s, at, w.start()).append(with);
                at = w.end();
            }
            return out.append(s.substring(at)).toString();
        });
    }

    /** Whether the sentence holds a name this probe would swap. */
    static boolean names(String sentence) {
        return Words.of(sentence).stream().anyMatch(w -> PEOPLE.contains(w.text()) || PLACES.contains(w.text()));
    }
}
