package dev.failforward.probe.text;

import dev.failforward.data.Table;

import java.util.List;

/**
 * An irrelevant sentence added (INV, after CheckList): {@code level} different neutral sentences,
 * chosen per row from a fixed list (several name a person, as "My friend John was there."), are
 * appended to the text. They say nothing about what the text judges, so the prediction must not
 * change.
 */
public final class IrrelevantSentenceProbe implements TextProbe {

    static final List<String> SENTENCES = List.of(
            "My friend John was there.",
            "I went there with Maria on a Tuesday.",
            "It was raining that day.",
            "My sister Anna told me about it.",
            "We arrived at about seven.",
            "David works near there.",
            "I read about it in the newspaper.",
            "This was in March.");

    @Override
    public String id() {
        return "irrelevant-sentence";
    }

    @Override
    public String description() {
        return "neutral sentences added to text, such as \"My friend John was there.\" (level = sentences added)";
    }

    @Override
    public List<Double> levels() {
        return List.of(1.0, 2.0);
    }

    @Override
    public Table perturb(Table test, double level, long seed) {
        int count = (int) Math.round(level);
        return TextRows.apply(test, id(), level, seed, (s, random) -> {
            StringBuilder out = new StringBuilder(s.strip());
            java.util.List<String> left = new java.util.ArrayList<>(SENTENCES);
            for (int i = 0; i < count && !left.isEmpty(); i++) {
                if (!out.isEmpty() && ".!?".indexOf(out.charAt(out.length() - 1)) < 0) {
                    out.append('.');
                }
                out.append(' ').append(left.remove(random.nextInt(left.size())));
            }
            return out.toString();
        });
    }
}
