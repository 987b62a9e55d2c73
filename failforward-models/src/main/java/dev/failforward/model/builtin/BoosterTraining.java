package dev.failforward.model.builtin;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import dev.failforward.data.Table;
import dev.failforward.progress.Progress;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Dataset;
import org.tribuo.FeatureMap;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableFeatureMap;
import org.tribuo.MutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.OutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationConverter;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostOutputConverter;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.protos.core.DatasetProto;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionConverter;

import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Trains the booster of a Tribuo XGBoost trainer on encoded rows without Tribuo examples. The
 * feature statistics, output info, sparse matrix, labels, weights, parameters and the model are
 * the ones Tribuo's trainer makes from a dataset of the same rows (a test checks that the models
 * are equal), without the objects per row and value that cost seconds of work and most of the
 * garbage collection of a scan of millions of rows.
 */
final class BoosterTraining {

    private BoosterTraining() {
    }

    static XGBoostModel<Label> classifier(XGBoostTrainer<Label> trainer, FeatureEncoder encoder, Table rows,
                                          OutputFactory<Label> factory, IntFunction<Label> output, DataProvenance source,
                                          Progress progress) {
        Encoded<Label> encoded = Encoded.of(encoder, rows, factory, output, progress);
        ImmutableOutputInfo<Label> ids = encoded.outputIds();
        float[] labels = new float[encoded.rows];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = ids.getID(output.apply(r));
        }
        Map<String, Object> parameters = parameters(trainer);
        parameters.put("num_class", ids.size());
        return train(trainer, encoded, labels, null, parameters, source, "xgboost-classification-model",
                new XGBoostClassificationConverter());
    }

    /** For a regressor of one dimension, as the built-in models train. */
    static XGBoostModel<Regressor> regressor(XGBoostTrainer<Regressor> trainer, FeatureEncoder encoder, Table rows,
                                             OutputFactory<Regressor> factory, IntFunction<Regressor> output,
                                             DataProvenance source, Progress progress) {
        Encoded<Regressor> encoded = Encoded.of(encoder, rows, factory, output, progress);
        float[] labels = new float[encoded.rows];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = (float) output.apply(r).getValues()[0];
        }
        float[] weights = new float[encoded.rows];
        Arrays.fill(weights, 1f);
        return train(trainer, encoded, labels, weights, parameters(trainer), source, "xgboost-regression-model",
                new XGBoostRegressionConverter());
    }

    private static <T extends Output<T>> XGBoostModel<T> train(XGBoostTrainer<T> trainer, Encoded<T> encoded, float[] labels,
                                                               float[] weights, Map<String, Object> parameters,
                                                               DataProvenance source, String name,
                                                               XGBoostOutputConverter<T> converter) {
        TrainerProvenance trainerProvenance = trainer.getProvenance();
        try {
            DMatrix matrix = new DMatrix(encoded.starts, encoded.columns, encoded.values, DMatrix.SparseType.CSR,
                    encoded.featureIds.size());
            try {
                if (weights != null) {
                    matrix.setWeight(weights);
                }
                matrix.setLabel(labels);
                Booster booster = XGBoost.train(matrix, parameters, numTrees(trainer), Map.of(), null, null);
                DatasetProvenance dataset = new DatasetProvenance(source, new ListProvenance<>(), encoded.view(source));
                ModelProvenance provenance = new ModelProvenance(XGBoostModel.class.getName(), OffsetDateTime.now(), dataset,
                        trainerProvenance, Map.of());
                return new ModelMaker<T>().make(name, provenance, encoded.featureIds, encoded.outputIds(), booster, converter);
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not train: " + dev.failforward.model.NativeErrors.reason(e.getMessage()), e);
        }
    }

    /** The trainer's XGBoost parameters, as its own training passes them (read from Tribuo's fields: they have no getter). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameters(XGBoostTrainer<?> trainer) {
        Map<String, Object> overrides = (Map<String, Object>) field(trainer, "overrideParameters");
        Map<String, Object> own = (Map<String, Object>) field(trainer, "parameters");
        return new HashMap<>(overrides == null || overrides.isEmpty() ? own : overrides);
    }

    private static int numTrees(XGBoostTrainer<?> trainer) {
        return (Integer) field(trainer, "numTrees");
    }

    private static Object field(XGBoostTrainer<?> trainer, String name) {
        try {
            Field field = XGBoostTrainer.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(trainer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Tribuo version has no XGBoost trainer field '" + name + "'", e);
        }
    }

    /** The encoded rows: Tribuo's feature and output statistics and XGBoost's sparse matrix, features in id order. */
    private static final class Encoded<T extends Output<T>> {
        final int rows;
        final MutableFeatureMap features;
        final MutableOutputInfo<T> outputs;
        final ImmutableFeatureMap featureIds;
        final long[] starts;
        final int[] columns;
        final float[] values;
        private ImmutableOutputInfo<T> outputIds;

        private Encoded(int rows, MutableFeatureMap features, MutableOutputInfo<T> outputs, long[] starts, int[] columns,
                        float[] values) {
            this.rows = rows;
            this.features = features;
            this.outputs = outputs;
            this.featureIds = new ImmutableFeatureMap(features);
            this.starts = starts;
            this.columns = columns;
            this.values = values;
        }

        static <T extends Output<T>> Encoded<T> of(FeatureEncoder encoder, Table rows, OutputFactory<T> factory,
                                                   IntFunction<T> output, Progress progress) {
            String[] names = encoder.featureNames().toArray(String[]::new);
            int width = names.length;
            boolean[] keepsZero = encoder.keepsZero();
            MutableFeatureMap features = new MutableFeatureMap();
            MutableOutputInfo<T> outputs = factory.generateInfo();
            int n = rows.rowCount();
            long[] starts = new long[n + 1];
            int[] columns = new int[Math.max(16, n * Math.min(width, 8))];
            float[] values = new float[columns.length];
            int at = 0;
            for (int from = 0; from < n; from += TribuoTrainer.BLOCK) {
                int to = Math.min(n, from + TribuoTrainer.BLOCK);
                double[] block = encoder.encode(rows, from, to);
                for (int r = from; r < to; r++) {
                    outputs.observe(output.apply(r));
                    int base = (r - from) * width;
                    if (at + width > columns.length) {
                        columns = Arrays.copyOf(columns, Math.max(at + width, columns.length + (columns.length >> 1)));
                        values = Arrays.copyOf(values, columns.length);
                    }
                    for (int f = 0; f < width; f++) {
                        double v = block[base + f];
                        if (TribuoExamples.absent(v, keepsZero[f])) {
                            continue;
                        }
                        features.add(names[f], v);
                        columns[at] = f;
                        values[at] = (float) v;
                        at++;
                    }
                    starts[r + 1] = at;
                }
                progress.advance(1);
            }
            Encoded<T> encoded = new Encoded<>(n, features, outputs, starts, Arrays.copyOf(columns, at), Arrays.copyOf(values, at));
            encoded.toFeatureIds(names);
            return encoded;
        }

        /** Encoder feature indices to Tribuo's feature ids (names in sorted order), each row's entries sorted by id. */
        private void toFeatureIds(String[] names) {
            int[] idOf = new int[names.length];
            for (int f = 0; f < names.length; f++) {
                idOf[f] = featureIds.getID(names[f]);
            }
            for (int r = 0; r < rows; r++) {
                int from = (int) starts[r];
                int to = (int) starts[r + 1];
                for (int i = from; i < to; i++) {
                    int id = idOf[columns[i]];
                    float v = values[i];
                    int j = i - 1;
                    while (j >= from && columns[j] > id) {
                        columns[j + 1] = columns[j];
                        values[j + 1] = values[j];
                        j--;
                    }
                    columns[j + 1] = id;
                    values[j + 1] = v;
                }
            }
        }

        ImmutableOutputInfo<T> outputIds() {
            if (outputIds == null) {
                outputIds = outputs.generateImmutableOutputInfo();
            }
            return outputIds;
        }

        Dataset<T> view(DataProvenance source) {
            return new Counts<>(source, this);
        }
    }

    /** What Tribuo's dataset provenance records of a dataset — its size and domains — without the examples. */
    private static final class Counts<T extends Output<T>> extends Dataset<T> {
        private static final long serialVersionUID = 1L;
        private final transient Encoded<T> encoded;

        Counts(DataProvenance source, Encoded<T> encoded) {
            super(source, null);
            this.encoded = encoded;
        }

        @Override
        public int size() {
            return encoded.rows;
        }

        @Override
        public Set<T> getOutputs() {
            return encoded.outputs.getDomain();
        }

        @Override
        public ImmutableOutputInfo<T> getOutputIDInfo() {
            return encoded.outputIds();
        }

        @Override
        public OutputInfo<T> getOutputInfo() {
            return encoded.outputs;
        }

        @Override
        public ImmutableFeatureMap getFeatureIDMap() {
            return encoded.featureIds;
        }

        @Override
        public FeatureMap getFeatureMap() {
            return encoded.features;
        }

        @Override
        public DatasetProto serialize() {
            throw new UnsupportedOperationException("counts only");
        }

        @Override
        public DatasetProvenance getProvenance() {
            throw new UnsupportedOperationException("counts only");
        }
    }

    /** Tribuo makes its XGBoost models in a protected method of its trainers; this trainer only makes models. */
    private static final class ModelMaker<T extends Output<T>> extends XGBoostTrainer<T> {

        XGBoostModel<T> make(String name, ModelProvenance provenance, ImmutableFeatureMap features, ImmutableOutputInfo<T> outputs,
                             Booster booster, XGBoostOutputConverter<T> converter) {
            return createModel(name, provenance, features, outputs, List.of(booster), converter);
        }

        @Override
        public XGBoostModel<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance) {
            throw new UnsupportedOperationException("makes models only");
        }

        @Override
        public XGBoostModel<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance, int invocationCount) {
            throw new UnsupportedOperationException("makes models only");
        }

        @Override
        public TrainerProvenance getProvenance() {
            throw new UnsupportedOperationException("makes models only");
        }
    }
}
