package dev.failforward.model.builtin;

import dev.failforward.data.Table;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores encoded rows with the booster of a Tribuo XGBoost model, building XGBoost's sparse matrix
 * straight from the encoded block: the matrix Tribuo builds from its examples (each row's present
 * features — not missing, not a zero the encoder drops — in feature-id order, as floats), so the
 * predictions are Tribuo's, without an object per row and feature on the way.
 */
final class XGBoostScorer {

    private final FeatureEncoder encoder;
    /** For each booster feature id: the encoder's feature index. */
    private final int[] encoderIndex;
    private final boolean[] keepsZero;
    private final Booster booster;
    /** For classification, each class's column in the booster's output (-1: a class the model never saw); null for regression. */
    private final int[] classColumn;

    private XGBoostScorer(FeatureEncoder encoder, int[] encoderIndex, Booster booster, int[] classColumn) {
        this.encoder = encoder;
        this.encoderIndex = encoderIndex;
        this.keepsZero = encoder.keepsZero();
        this.booster = booster;
        this.classColumn = classColumn;
    }

    /** A scorer for {@code model}, or null when it holds more than one booster (regression of several outputs). */
    @SuppressWarnings("unchecked")
    static XGBoostScorer of(FeatureEncoder encoder, XGBoostModel<?> model, List<String> classes, boolean classification, int threads) {
        List<Booster> boosters = model.getInnerModels();
        if (boosters.size() != 1) {
            return null;
        }
        Booster booster = boosters.get(0);
        try {
            booster.setParam("nthread", threads);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost refused its thread count: " + e.getMessage(), e);
        }
        int[] classColumn = null;
        if (classification) {
            ImmutableOutputInfo<Label> info = (ImmutableOutputInfo<Label>) model.getOutputIDInfo();
            Map<String, Integer> column = new HashMap<>();
            for (int id = 0; id < info.size(); id++) {
                column.put(info.getOutput(id).getLabel(), id);
            }
            classColumn = classes.stream().mapToInt(c -> column.getOrDefault(c, -1)).toArray();
        }
        return new XGBoostScorer(encoder, encoderIndex(encoder, model.getFeatureIDMap()), booster, classColumn);
    }

    /** For each feature id of {@code features}: the index of the encoder's feature of that name. */
    static int[] encoderIndex(FeatureEncoder encoder, ImmutableFeatureMap features) {
        List<String> names = encoder.featureNames();
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byName.put(names.get(i), i);
        }
        int[] index = new int[features.size()];
        for (int id = 0; id < features.size(); id++) {
            String name = features.get(id).getName();
            Integer at = byName.get(name);
            if (at == null) {
                throw new IllegalStateException("the booster has a feature '" + name + "' the encoder does not make");
            }
            index[id] = at;
        }
        return index;
    }

    /** The booster's outputs for rows {@code from} (inclusive) to {@code to}: one array per row. */
    float[][] scores(Table rows, int from, int to, Object lock) {
        int width = encoder.width();
        double[] block = encoder.encode(rows, from, to);
        int n = to - from;
        long[] starts = new long[n + 1];
        int[] columns = new int[n * encoderIndex.length];
        float[] values = new float[columns.length];
        int at = 0;
        for (int r = 0; r < n; r++) {
            int base = r * width;
            for (int id = 0; id < encoderIndex.length; id++) {
                int e = encoderIndex[id];
                double v = block[base + e];
                if (TribuoExamples.absent(v, keepsZero[e])) {
                    continue;
                }
                columns[at] = id;
                values[at] = (float) v;
                at++;
            }
            starts[r + 1] = at;
        }
        try {
            DMatrix matrix = new DMatrix(starts, java.util.Arrays.copyOf(columns, at), java.util.Arrays.copyOf(values, at),
                    DMatrix.SparseType.CSR, encoderIndex.length);
            try {
                synchronized (lock) {
                    return booster.predict(matrix);
                }
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not score the rows: " + dev.failforward.model.NativeErrors.reason(e.getMessage()), e);
        }
    }

    /** Each class's column in the booster's output, in the model's class order (-1 for a class it never saw). */
    int[] classColumn() {
        return classColumn;
    }
}
