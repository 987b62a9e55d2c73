package dev.failforward.model.builtin;

import dev.failforward.model.ModelProvider;
import dev.failforward.model.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * {@code builtin:logistic}: multinomial logistic regression for classification and least-squares
 * linear regression for regression, on standardised inputs, trained by SGD with AdaGrad. The
 * simplest honest baseline: if it does as well as a boosted model, the boosted model is not earning
 * its complexity.
 */
public final class LogisticProvider implements ModelProvider, TribuoRecipe {

    public static final String ID = "builtin:logistic";

    static final int EPOCHS = 10;
    static final double LEARNING_RATE = 0.1;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "logistic regression (classification) or linear regression (regression) on standardised inputs";
    }

    @Override
    public Trainer trainer() {
        return new TribuoTrainer(ID, this);
    }

    @Override
    public EncodingStyle style() {
        return EncodingStyle.LINEAR;
    }

    @Override
    public org.tribuo.Trainer<Label> classifier(long seed) {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(LEARNING_RATE, 1e-6), EPOCHS, -1, 1, seed);
    }

    @Override
    public org.tribuo.Trainer<Regressor> regressor(long seed) {
        return new org.tribuo.regression.sgd.linear.LinearSGDTrainer(new SquaredLoss(), new AdaGrad(LEARNING_RATE, 1e-6),
                EPOCHS, -1, 1, seed);
    }

    @Override
    public boolean concurrentPredict() {
        return true;
    }
}
