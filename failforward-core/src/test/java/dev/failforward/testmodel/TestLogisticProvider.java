package dev.failforward.testmodel;

import dev.failforward.model.ModelProvider;
import dev.failforward.model.Trainer;

/**
 * {@code test:logistic}: {@link TestLogistic}, a small deterministic model that lets core's own
 * tests train and score without the model adapters (which depend on core). Registered for tests
 * only, and shipped to other modules' tests in core's test jar.
 */
public final class TestLogisticProvider implements ModelProvider {

    public static final String ID = "test:logistic";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "a deterministic logistic (or linear) model for tests";
    }

    @Override
    public Trainer trainer() {
        return TestLogistic::train;
    }
}
