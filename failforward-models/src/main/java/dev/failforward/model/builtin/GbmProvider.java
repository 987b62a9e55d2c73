package dev.failforward.model.builtin;

import dev.failforward.model.ModelProvider;
import dev.failforward.model.Trainer;
import dev.failforward.model.xgboost.XGBoostThreads;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer.RegressionType;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * {@code builtin:gbm}: gradient-boosted trees with XGBoost, set up to be sound out of the box
 * (shrinkage 0.1, shallow trees, row and column subsampling). Missing numbers are passed to XGBoost
 * as missing, so it learns where to route them. The thread count does not change the trees.
 */
public final class GbmProvider implements ModelProvider, TribuoRecipe {

    static {
        // Before XGBoost's first use: its library from the per-user cache, not a new copy in /tmp.
        dev.failforward.model.xgboost.XGBoostNative.load();
    }

    public static final String ID = "builtin:gbm";

    static final int TREES = 100;
    static final double LEARNING_RATE = 0.1;
    static final int MAX_DEPTH = 5;
    static final double MIN_CHILD_WEIGHT = 1;
    static final double SUBSAMPLE = 0.8;
    static final double COLUMN_SUBSAMPLE = 0.8;
    static final double L2 = 1;
    static final double L1 = 0;
    /** See {@link XGBoostThreads}: more than one only where OpenMP's workers sleep while they wait. */
    static final int THREADS = XGBoostThreads.count();

    private final int threads;

    public GbmProvider() {
        this(THREADS);
    }

    /** With a given XGBoost thread count; tests show the count does not change the model. */
    GbmProvider(int threads) {
        this.threads = threads;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "gradient-boosted trees (XGBoost, " + TREES + " trees of depth " + MAX_DEPTH + ", learning rate " + LEARNING_RATE + ")";
    }

    @Override
    public Trainer trainer() {
        return new TribuoTrainer(ID, this);
    }

    @Override
    public EncodingStyle style() {
        return EncodingStyle.BOOSTED;
    }

    @Override
    public org.tribuo.Trainer<Label> classifier(long seed) {
        return new XGBoostClassificationTrainer(BoosterType.GBTREE, TreeMethod.HIST, TREES, LEARNING_RATE, 0, MAX_DEPTH,
                MIN_CHILD_WEIGHT, SUBSAMPLE, COLUMN_SUBSAMPLE, L2, L1, threads, LoggingVerbosity.SILENT, seed);
    }

    @Override
    public org.tribuo.Trainer<Regressor> regressor(long seed) {
        return new XGBoostRegressionTrainer(BoosterType.GBTREE, TreeMethod.HIST, RegressionType.LINEAR, TREES, LEARNING_RATE, 0,
                MAX_DEPTH, MIN_CHILD_WEIGHT, SUBSAMPLE, COLUMN_SUBSAMPLE, L2, L1, threads, LoggingVerbosity.SILENT, seed);
    }

    @Override
    public boolean concurrentPredict() {
        return false;
    }
}
