package dev.failforward.testmodel;

import dev.failforward.model.ModelProvider;
import dev.failforward.model.Trainer;

/**
 * {@code test:neighbours}: {@link TestNeighbours}, a deterministic model of another kind than
 * {@code test:logistic}, for tests that average two models. Registered for tests only, and shipped
 * to other modules' tests in core's test jar.
 */
public final class TestNeighboursProvider implements ModelProvider {

    public static final String ID = "test:neighbours";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "k nearest neighbours, for tests";
    }

    @Override
    public Trainer trainer() {
        return TestNeighbours::train;
    }
}
