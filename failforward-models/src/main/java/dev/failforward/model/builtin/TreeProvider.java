package dev.failforward.model.builtin;

import dev.failforward.model.ModelProvider;
import dev.failforward.model.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * {@code builtin:tree}: one CART decision tree, limited in depth and leaf size so that it does not
 * memorise the training rows. Readable, and brittle in instructive ways.
 */
public final class TreeProvider implements ModelProvider, TribuoRecipe {

    public static final String ID = "builtin:tree";

    static final int MAX_DEPTH = 8;
    /** Fewest training rows in a leaf: smaller leaves gave worse held-out AUC and R² on the shared datasets. */
    static final float MIN_CHILD_WEIGHT = 20f;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "a CART decision tree (depth at most " + MAX_DEPTH + ")";
    }

    @Override
    public Trainer trainer() {
        return new TribuoTrainer(ID, this);
    }

    @Override
    public EncodingStyle style() {
        return EncodingStyle.TREE;
    }

    @Override
    public org.tribuo.Trainer<Label> classifier(long seed) {
        return new CARTClassificationTrainer(MAX_DEPTH, MIN_CHILD_WEIGHT, 0f, 1f, false, new GiniIndex(), seed);
    }

    @Override
    public org.tribuo.Trainer<Regressor> regressor(long seed) {
        return new CARTRegressionTrainer(MAX_DEPTH, MIN_CHILD_WEIGHT, 0f, 1f, false, new MeanSquaredError(), seed);
    }

    @Override
    public boolean concurrentPredict() {
        return true;
    }
}
