package dev.failforward.model.xgboost;

import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.TreeEnsembleSource;
import dev.failforward.model.external.TabularFeed;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.List;

/**
 * An XGBoost model file tied to a target and to the data columns that feed it. Rows are passed to
 * XGBoost as 32-bit floats with NaN as missing, exactly as Python's xgboost passes a float32 array.
 */
final class XGBoostModel implements Model, TreeEnsembleSource {

    private final String id;
    private final Target target;
    private final Booster booster;
    private final byte[] json;
    private final Objective objective;
    private final TabularFeed feed;
    private final String fingerprint;

    XGBoostModel(String id, Target target, Booster booster, byte[] json, Objective objective, TabularFeed feed,
                 String fingerprint) {
        this.id = id;
        this.target = target;
        this.booster = booster;
        this.json = json;
        this.objective = objective;
        this.feed = feed;
        this.fingerprint = fingerprint;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public Predictions predict(Table rows) {
        int n = rows.rowCount();
        int k = feed.columns().size();
        float[][] raw = n == 0 ? new float[0][] : boost(toFloats(encode(rows)), n, k);
        return switch (target.task()) {
            case BINARY_CLASSIFICATION -> binary(raw);
            case MULTICLASS_CLASSIFICATION -> multi(raw);
            case REGRESSION -> {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    values[i] = raw[i][0];
                }
                yield Predictions.ofValues(values);
            }
            case RETRIEVAL -> throw new IllegalStateException("an XGBoost model never retrieves");
        };
    }

    private synchronized float[][] boost(float[] data, int n, int k) {
        boolean margins = objective.output() == Objective.Output.MARGINS;
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(data, n, k, Float.NaN);
            return booster.predict(matrix, margins);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not score " + n + " rows: " + dev.failforward.model.NativeErrors.reason(e.getMessage()), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    private Predictions binary(float[][] raw) {
        double[] p = new double[raw.length * 2];
        for (int i = 0; i < raw.length; i++) {
            double positive = switch (objective.output()) {
                case MARGINS -> 1 / (1 + Math.exp(-raw[i][0]));
                default -> raw[i][0];
            };
            p[2 * i] = 1 - positive;
            p[2 * i + 1] = positive;
        }
        return Predictions.ofProbabilities(target.classes(), p);
    }

    private Predictions multi(float[][] raw) {
        int k = target.classCount();
        double[] p = new double[raw.length * k];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].length != k) {
                throw new IllegalStateException("XGBoost returned " + raw[i].length + " outputs per row for " + k + " classes");
            }
            if (objective.output() == Objective.Output.MARGINS) {
                double max = Double.NEGATIVE_INFINITY;
                for (float v : raw[i]) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    p[i * k + c] = Math.exp(raw[i][c] - max);
                    sum += p[i * k + c];
                }
                for (int c = 0; c < k; c++) {
                    p[i * k + c] /= sum;
                }
            } else {
                for (int c = 0; c < k; c++) {
                    p[i * k + c] = raw[i][c];
                }
            }
        }
        return Predictions.ofProbabilities(target.classes(), p);
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    @Override
    public byte[] xgboostJson() {
        return json.clone();
    }

    @Override
    public List<String> featureColumns() {
        return feed.columns();
    }

    @Override
    public double[] encode(Table rows) {
        return feed.encode(rows);
    }
}
