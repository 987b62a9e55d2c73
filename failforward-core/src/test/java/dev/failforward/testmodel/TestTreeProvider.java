package dev.failforward.testmodel;

import dev.failforward.model.ModelProvider;
import dev.failforward.model.Trainer;

/**
 * {@code test:tree}: {@link TestTree}, a deterministic model that, unlike
 * {@code test:logistic}, is not monotone in any feature. Registered for tests only, and shipped
 * to other modules' tests in core's test jar.
 */
public final class TestTreeProvider implements ModelProvider {

    public static final String ID = "test:tree";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "one decision tree, for tests";
    }

    @Override
    public Trainer trainer() {
        return TestTree::train;
    }
}
