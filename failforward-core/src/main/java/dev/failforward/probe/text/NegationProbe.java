package dev.failforward.probe.text;

import dev.failforward.data.Table;
import dev.failforward.probe.Expectation;
import dev.failforward.probe.Probe;

import java.util.List;

/**
 * Negation (DIR, after CheckList): in a share {@code level} of sentences "not" is added after the
 * first auxiliary verb ("is good" → "is not good"); sentences already negated or without an
 * auxiliary stay as they are. The meaning turns around, so for a sentence the model predicted positive the positive probability must not rise by more than
 * {@value #TOLERANCE}; sentences predicted negative are not judged (negating a complaint rarely
 * makes praise: "not bad"). Binary tasks only: the watched class is the positive one.
 */
public final class NegationProbe implements Probe {

    /** How far the positive probability may rise before the row fails (CheckList's default for DIR tests). */
    static final double TOLERANCE = 0.1;

    @Override
    public String id() {
        return "negation";
    }

    @Override
    public String description() {
        return "\"not\" added to text (is good → is not good); DIR: P(positive) of sentences predicted positive must not rise"
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
        return Expectation.down(null, TOLERANCE);
    }

    @Override
    public boolean judges(boolean predictedWatchedClass) {
        return predictedWatchedClass;
    }
}
