package dev.failforward.probe;

import dev.failforward.data.Table;

import java.util.List;

/**
 * A perturbation of test rows at a given strength. Implementations draw their randomness per row
 * from {@link RowRandom}, so a row's perturbation depends only on the seed, the level and the row,
 * never on the order of work or the number of threads. Registered through {@link java.util.ServiceLoader}.
 */
public interface Probe {

    /** Unique id; failures this probe provokes have origin {@code probe:<id>}. */
    String id();

    /** One line saying what the probe changes. */
    String description();

    /** The strengths this probe runs at by default, weakest first; level 0 changes nothing. */
    List<Double> levels();

    /** A copy of {@code test} with this probe applied at {@code level}; only feature columns change. */
    Table perturb(Table test, double level, long seed);

    /**
     * This probe prepared with what it needs to know of the training rows (such as each feature's
     * training range); stateless probes return themselves. The runner calls it once per run.
     */
    default Probe fit(Table train) {
        return this;
    }

    /** Whether this probe has anything to change in {@code test}; the default suite runs only the probes that do. */
    default boolean appliesTo(Table test) {
        return !Columns.tabularFeatures(test).isEmpty();
    }

    /** What the model should do on the perturbed rows; by default its predictions should not change (INV). */
    default Expectation expectation() {
        return Expectation.invariant();
    }

    /**
     * The expectation on a classification target with these classes. A probe whose direction depends
     * on what the classes mean (negation lowers the positive-sentiment class, whatever its place in
     * sorted order) names its class here; by default {@link #expectation()}.
     */
    default Expectation expectation(List<String> classes) {
        return expectation();
    }

    /**
     * Whether a directional expectation judges a classification row, given whether the model
     * predicted the watched class for it before the change. Every row by default; a probe whose
     * expected direction holds for one prediction only narrows it (negating a sentence the model
     * calls positive should lower its positive probability; for one it calls negative it need not).
     */
    default boolean judges(boolean predictedWatchedClass) {
        return true;
    }
}
