package dev.failforward.model.builtin;

import dev.failforward.data.DataException;
import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.Target;
import dev.failforward.model.Trainer;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Trains a built-in model: fits the feature encoder on the training rows, turns them into a Tribuo
 * dataset block by block, and trains the recipe's Tribuo trainer; an XGBoost trainer's booster is
 * trained on the encoded rows directly ({@link BoosterTraining}), the same model without the
 * examples. Stateless, so one instance can train many models.
 */
final class TribuoTrainer implements Trainer {

    /** Rows encoded at a time. */
    static final int BLOCK = 2048;

    /** Held so that the level set below stays: Tribuo logs each training at INFO, which would clutter a command's output. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        if (TRIBUO_LOG.getLevel() == null) {
            TRIBUO_LOG.setLevel(Level.WARNING);
        }
    }

    /** Training data provenance carries no clock time, so identical inputs give identical models. */
    private static final OffsetDateTime FIXED_TIME = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final String id;
    private final TribuoRecipe recipe;
    private final boolean boostersDirect;

    TribuoTrainer(String id, TribuoRecipe recipe) {
        this(id, recipe, true);
    }

    /** {@code boostersDirect} false trains XGBoost through Tribuo examples too; tests compare the two. */
    TribuoTrainer(String id, TribuoRecipe recipe, boolean boostersDirect) {
        this.id = id;
        this.recipe = recipe;
        this.boostersDirect = boostersDirect;
    }

    @Override
    public Model train(Table train, Target target, long seed, Progress progress) {
        if (train.rowCount() == 0) {
            throw new IllegalArgumentException(train.source() + ": no rows to train on");
        }
        int blocks = (train.rowCount() + BLOCK - 1) / BLOCK;
        progress.start("Training " + id, blocks + 2L);
        try {
            FeatureEncoder encoder = FeatureEncoder.fit(train, recipe.style());
            progress.advance(1);
            if (target.task().isClassification()) {
                int[] labels = ScanData.labels(train, target);
                Label[] byClass = target.classes().stream().map(Label::new).toArray(Label[]::new);
                IntFunction<Label> output = r -> byClass[labels[r]];
                org.tribuo.Trainer<Label> trainer = recipe.classifier(seed);
                org.tribuo.Model<Label> model = boostersDirect && trainer instanceof XGBoostTrainer<Label> boosted
                        ? BoosterTraining.classifier(boosted, encoder, train, new LabelFactory(), output,
                                source(train, new LabelFactory()), progress)
                        : trainer.train(dataset(train, encoder, new LabelFactory(), output, progress));
                progress.advance(1);
                return TribuoModel.of(id, target, encoder, model, null, recipe.concurrentPredict());
            }
            double[] values = ScanData.values(train, target);
            for (int r = 0; r < values.length; r++) {
                if (!Double.isFinite(values[r])) {
                    throw new DataException(train.source() + ": row " + r + " has no value in the target column '"
                            + target.column() + "'");
                }
            }
            TargetScale scale = TargetScale.fit(values);
            String dimension = target.column();
            IntFunction<Regressor> output = r -> new Regressor(dimension, scale.toScaled(values[r]));
            org.tribuo.Trainer<Regressor> trainer = recipe.regressor(seed);
            org.tribuo.Model<Regressor> model = boostersDirect && trainer instanceof XGBoostTrainer<Regressor> boosted
                    ? BoosterTraining.regressor(boosted, encoder, train, new RegressionFactory(), output,
                            source(train, new RegressionFactory()), progress)
                    : trainer.train(dataset(train, encoder, new RegressionFactory(), output, progress));
            progress.advance(1);
            return TribuoModel.of(id, target, encoder, model, scale, recipe.concurrentPredict());
        } finally {
            progress.finish();
        }
    }

    private static <T extends Output<T>> SimpleDataSourceProvenance source(Table train, OutputFactory<T> factory) {
        return new SimpleDataSourceProvenance("FailForward table " + train.source(), FIXED_TIME, factory);
    }

    private static <T extends Output<T>> MutableDataset<T> dataset(Table train, FeatureEncoder encoder, OutputFactory<T> factory,
                                                                   IntFunction<T> output, Progress progress) {
        MutableDataset<T> data = new MutableDataset<>(source(train, factory), factory);
        for (int from = 0; from < train.rowCount(); from += BLOCK) {
            data.addAll(TribuoExamples.of(encoder, train, from, Math.min(train.rowCount(), from + BLOCK), output));
            progress.advance(1);
        }
        return data;
    }
}
