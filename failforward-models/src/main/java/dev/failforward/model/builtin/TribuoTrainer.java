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
 * dataset block by block, and trains the recipe's Tribuo trainer. Stateless, so one instance can
 * train many models.
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

    TribuoTrainer(String id, TribuoRecipe recipe) {
        this.id = id;
        this.recipe = recipe;
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
                MutableDataset<Label> data = dataset(train, encoder, new LabelFactory(), r -> byClass[labels[r]], progress);
                org.tribuo.Model<Label> model = recipe.classifier(seed).train(data);
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
            MutableDataset<Regressor> data = dataset(train, encoder, new RegressionFactory(),
                    r -> new Regressor(dimension, scale.toScaled(values[r])), progress);
            org.tribuo.Model<Regressor> model = recipe.regressor(seed).train(data);
            progress.advance(1);
            return TribuoModel.of(id, target, encoder, model, scale, recipe.concurrentPredict());
        } finally {
            progress.finish();
        }
    }

    private static <T extends Output<T>> MutableDataset<T> dataset(Table train, FeatureEncoder encoder, OutputFactory<T> factory,
                                                                   IntFunction<T> output, Progress progress) {
        MutableDataset<T> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("FailForward table " + train.source(), FIXED_TIME, factory), factory);
        for (int from = 0; from < train.rowCount(); from += BLOCK) {
            data.addAll(TribuoExamples.of(encoder, train, from, Math.min(train.rowCount(), from + BLOCK), output));
            progress.advance(1);
        }
        return data;
    }
}
