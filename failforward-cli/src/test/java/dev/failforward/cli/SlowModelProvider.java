package dev.failforward.cli;

import dev.failforward.model.ModelProvider;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Trainer;

/**
 * {@code test:slow-logistic}: the built-in logistic model, whose training ends with a pause of
 * {@value #PROPERTY} milliseconds (0 when unset), or until the file named by {@value #UNTIL}
 * exists, so a test can kill a scan, or cut its store, while it trains on a small file.
 * Registered for tests only.
 */
public final class SlowModelProvider implements ModelProvider {

    static final String ID = "test:slow-logistic";
    static final String PROPERTY = "failforward.test.slowTrainMillis";
    static final String UNTIL = "failforward.test.slowTrainUntil";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "the built-in logistic model, trained after a pause (tests only)";
    }

    @Override
    public Trainer trainer() {
        Trainer logistic = ModelProviders.find("builtin:logistic").trainer();
        return (train, target, seed, progress) -> {
            // Trained first, so that the progress line "Training …" is out when the pause begins.
            var model = logistic.train(train, target, seed, progress);
            try {
                Thread.sleep(Long.getLong(PROPERTY, 0));
                String until = System.getProperty(UNTIL);
                while (until != null && !java.nio.file.Files.exists(java.nio.file.Path.of(until))) {
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pausing in training", e);
            }
            return model;
        };
    }
}
