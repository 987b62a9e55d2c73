package dev.failforward.probe.text;

import dev.failforward.data.Table;
import dev.failforward.probe.Expectation;

import java.util.List;

/**
 * Negation (DIR, after CheckList): in a share {@code level} of sentences "not" is added after the
 * first auxiliary verb ("is good" → "is not good"); sentences already negated or without an
 * auxiliary stay as they are. The meaning turns around, so for a sentence the model predicted
 * positive the positive probability must fall by at least {@value #LEAST_DROP} (a DIR expectation
 * with tolerance −{@value #LEAST_DROP}): a model that leaves "This is not a masterful piece of
 * film-making" as positive as before ignored the negation. Sentences predicted negative are not
 * judged (negating a complaint rarely makes praise: "not bad"). The watched class is the
 * positive-sentiment one as the labels name it ({@link SentimentClass}: {@code positive}, {@code
 * pos}, the highest star rating, …), else the positive class of a binary target ({@code
 * --positive-class}); each failure records it as {@code watched_class}.
 */
public final class NegationProbe implements TextProbe {

    /** How far the positive probability must at least fall. */
    static final double LEAST_DROP = 0.1;

    @Override
    public String id() {
        return "negation";
    }

    @Override
    public String description() {
        return "\"not\" added to text (is good → is not good); DIR: P(positive) of sentences predicted positive must fall by >= 0.1"
                + " (level = share of sentences)";
    }

    @Override
    public List<Double> levels() {
        return List.of(1.0);
    }

    @Override
    public Table perturb(Table test, double level, long seed) {
        return TextRows.apply(test, id(), level, seed, (s, random) -> random.nextDouble() < level ? Negation.add(s) : s);
    }

    @Override
    public Expectation expectation() {
        return Expectation.down(null, -LEAST_DROP);
    }

    @Override
    public Expectation expectation(List<String> classes) {
        int positive = SentimentClass.positive(classes);
        return positive < 0 ? expectation() : Expectation.down(classes.get(positive), -LEAST_DROP);
    }

    @Override
    public boolean judges(boolean predictedWatchedClass) {
        return predictedWatchedClass;
    }
}
