package dev.failforward.probe.text;

import dev.failforward.data.Table;

import java.util.List;

/**
 * Contractions (INV): in a share {@code level} of sentences, contractions are expanded
 * ("isn't" → "is not"); sentences without one are contracted instead ("it is" → "it's").
 * Sentences with neither stay as they are.
 */
public final class ContractionProbe implements TextProbe {

    @Override
    public String id() {
        return "contraction";
    }

    @Override
    public String description() {
        return "contractions expanded (isn't → is not) or made (it is → it's) (level = share of sentences)";
    }

    @Override
    public List<Double> levels() {
        return List.of(1.0);
    }

    @Override
    public Table perturb(Table test, double level, long seed) {
        return TextRows.apply(test, id(), level, seed, (s, random) -> random.nextDouble() < level ? toggle(s) : s);
    }

    static String toggle(String sentence) {
        String expanded = Contractions.expand(sentence);
        return expanded.equals(sentence) ? Contractions.contract(sentence) : expanded;
    }
}
