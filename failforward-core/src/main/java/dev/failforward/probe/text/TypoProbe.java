package dev.failforward.probe.text;

import dev.failforward.data.Table;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Typos (INV): {@code level} edits per sentence, each in a random word of three or more letters —
 * two neighbouring letters swapped, a letter deleted, or a letter replaced by a key next to it on
 * a QWERTY keyboard.
 */
public final class TypoProbe implements TextProbe {

    private static final Map<Character, String> NEIGHBOURS = neighbours();

    @Override
    public String id() {
        return "typo";
    }

    @Override
    public String description() {
        return "typos in text: neighbouring letters swapped, a letter deleted or hit by the next key (level = typos per sentence)";
    }

    @Override
    public List<Double> levels() {
        return List.of(1.0, 3.0);
    }

    @Override
    public Table perturb(Table test, double level, long seed) {
        int edits = (int) Math.round(level);
        return TextRows.apply(test, id(), level, seed, (s, random) -> {
            String out = s;
            for (int e = 0; e < edits; e++) {
                out = typo(out, random);
            }
            return out;
        });
    }

    static String typo(String sentence, SplittableRandom random) {
        List<Words.Span> words = Words.of(sentence).stream().filter(w -> w.text().length() >= 3).toList();
        if (words.isEmpty()) {
            return sentence;
        }
        Words.Span w = words.get(random.nextInt(words.size()));
        char[] c = w.text().toCharArray();
        int kind = random.nextInt(3);
        int at = random.nextInt(c.length - 1);
        String changed;
        if (kind == 0) {
            char t = c[at];
            c[at] = c[at + 1];
            c[at + 1] = t;
            changed = new String(c);
        } else if (kind == 1) {
            changed = w.text().substring(0, at) + w.text().substring(at + 1);
        } else {
            String keys = NEIGHBOURS.get(Character.toLowerCase(c[at]));
            if (keys == null) {
                changed = w.text().substring(0, at) + w.text().substring(at + 1);
            } else {
                char k = keys.charAt(random.nextInt(keys.length()));
                c[at] = Character.isUpperCase(c[at]) ? Character.toUpperCase(k) : k;
                changed = new String(c);
            }
        }
        return Words.replace(sentence, w, changed);
    }

    private static Map<Character, String> neighbours() {
        String[] rows = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
        Map<Character, String> out = new java.util.HashMap<>();
        for (int r = 0; r < rows.length; r++) {
            for (int i = 0; i < rows[r].length(); i++) {
                StringBuilder near = new StringBuilder();
                for (int dr = -1; dr <= 1; dr++) {
                    int rr = r + dr;
                    if (rr < 0 || rr >= rows.length) {
                        continue;
                    }
                    for (int di = -1; di <= 1; di++) {
                        int ii = i + di;
                        if ((dr == 0 && di == 0) || ii < 0 || ii >= rows[rr].length()) {
                            continue;
                        }
                        near.append(rows[rr].charAt(ii));
                    }
                }
                out.put(rows[r].charAt(i), near.toString());
            }
        }
        return Map.copyOf(out);
    }
}
