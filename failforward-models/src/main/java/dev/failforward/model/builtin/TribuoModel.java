package dev.failforward.model.builtin;

import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.Task;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A built-in model: the fitted feature encoder, the trained Tribuo model and the target. Predicts
 * in blocks of rows, in parallel where the Tribuo model allows it; each row's prediction depends on
 * that row alone, so results do not depend on the number of threads.
 */
public final class TribuoModel implements Model, Serializable {

    private static final long serialVersionUID = 1L;

    /** Rows predicted at a time. */
    static final int BLOCK = 1024;
    /** Rows scored at a time on the direct booster path, which XGBoost spreads over its own threads. */
    static final int BOOSTER_BLOCK = 16384;

    private final String id;
    private final String targetColumn;
    private final Task task;
    private final List<String> classes;
    private final FeatureEncoder encoder;
    private final org.tribuo.Model<?> model;
    private final TargetScale scale;
    private final boolean concurrent;
    private final String fingerprint;
    /** The direct booster path of an XGBoost model, made on first use; null until then or when there is none. */
    private transient volatile XGBoostScorer scorer;
    private transient volatile boolean scorerChecked;

    private TribuoModel(String id, Target target, FeatureEncoder encoder, org.tribuo.Model<?> model, TargetScale scale,
                        boolean concurrent, String fingerprint) {
        this.id = id;
        this.targetColumn = target.column();
        this.task = target.task();
        this.classes = List.copyOf(target.classes());
        this.encoder = encoder;
        this.model = model;
        this.scale = scale;
        this.concurrent = concurrent;
        this.fingerprint = fingerprint;
    }

    /** Wraps a trained Tribuo model; {@code scale} is the regression target's scaling, {@code null} for classification. */
    static TribuoModel of(String id, Target target, FeatureEncoder encoder, org.tribuo.Model<?> model, TargetScale scale,
                          boolean concurrent) {
        String fingerprint = ModelFingerprint.of(model, id, target.column(), target.task(), List.copyOf(target.classes()),
                encoder, scale);
        return new TribuoModel(id, target, encoder, model, scale, concurrent, fingerprint);
    }

    /**
     * A model read back from a saved file: checks what the file gave and pins XGBoost's prediction
     * threads, which a booster read from bytes may not keep.
     */
    static TribuoModel restore(String id, Target target, FeatureEncoder encoder, org.tribuo.Model<?> model,
                               TargetScale scale, boolean concurrent, String fingerprint) {
        if (id == null || target == null || encoder == null || model == null || fingerprint == null
                || (target.task() == Task.REGRESSION) != (scale != null)) {
            throw new IllegalArgumentException("incomplete model");
        }
        if (model instanceof XGBoostModel<?> boosted) {
            boosted.setNumThreads(GbmProvider.THREADS);
        }
        return new TribuoModel(id, target, encoder, model, scale, concurrent, fingerprint);
    }

    /** The regression target's scaling; null for classification. */
    TargetScale scale() {
        return scale;
    }

    /** Whether the Tribuo model may predict from several threads at once. */
    boolean concurrent() {
        return concurrent;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Target target() {
        return new Target(targetColumn, task, classes);
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /** The fitted feature encoding, for explainers that need feature names. */
    public FeatureEncoder encoder() {
        return encoder;
    }

    /** The trained Tribuo model. */
    public org.tribuo.Model<?> tribuoModel() {
        return model;
    }

    @Override
    public Predictions predict(Table rows) {
        encoder.requireColumns(rows);
        int n = rows.rowCount();
        boolean classification = task.isClassification();
        double[] out = new double[classification ? n * classes.size() : n];
        int block = scorer() != null ? BOOSTER_BLOCK : BLOCK;
        int blocks = (n + block - 1) / block;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * block;
            int to = Math.min(n, from + block);
            if (classification) {
                probabilities(rows, from, to, out);
            } else {
                values(rows, from, to, out);
            }
        });
        return classification ? Predictions.ofProbabilities(classes, out) : Predictions.ofValues(out);
    }

    /** The direct booster path when the Tribuo model is one XGBoost booster, else null. */
    private XGBoostScorer scorer() {
        if (!scorerChecked) {
            synchronized (this) {
                if (!scorerChecked) {
                    scorer = model instanceof XGBoostModel<?> boosted
                            ? XGBoostScorer.of(encoder, boosted, classes, task.isClassification(), GbmProvider.THREADS)
                            : null;
                    scorerChecked = true;
                }
            }
        }
        return scorer;
    }

    @SuppressWarnings("unchecked")
    private void probabilities(Table rows, int from, int to, double[] out) {
        XGBoostScorer direct = scorer();
        if (direct != null) {
            float[][] scores = direct.scores(rows, from, to, model);
            int[] column = direct.classColumn();
            int k = classes.size();
            for (int i = 0; i < scores.length; i++) {
                int at = (from + i) * k;
                for (int c = 0; c < k; c++) {
                    out[at + c] = column[c] < 0 ? 0 : scores[i][column[c]];
                }
                normalise(out, at, k);
            }
            return;
        }
        List<Example<Label>> examples = TribuoExamples.of(encoder, rows, from, to, r -> LabelFactory.UNKNOWN_LABEL);
        List<Prediction<Label>> predictions = call(() -> ((org.tribuo.Model<Label>) model).predict(examples));
        int k = classes.size();
        for (int i = 0; i < predictions.size(); i++) {
            Map<String, Label> scores = predictions.get(i).getOutputScores();
            int at = (from + i) * k;
            for (int c = 0; c < k; c++) {
                Label label = scores.get(classes.get(c));
                out[at + c] = label == null ? 0 : label.getScore();
            }
            normalise(out, at, k);
        }
    }

    /** Clips a row's {@code k} class scores at {@code at} to non-negative and makes them sum to one (uniform when all are zero). */
    private static void normalise(double[] out, int at, int k) {
        double sum = 0;
        for (int c = 0; c < k; c++) {
            out[at + c] = out[at + c] > 0 ? out[at + c] : 0;
            sum += out[at + c];
        }
        for (int c = 0; c < k; c++) {
            out[at + c] = sum > 0 ? out[at + c] / sum : 1.0 / k;
        }
    }

    @SuppressWarnings("unchecked")
    private void values(Table rows, int from, int to, double[] out) {
        XGBoostScorer direct = scorer();
        if (direct != null) {
            float[][] scores = direct.scores(rows, from, to, model);
            for (int i = 0; i < scores.length; i++) {
                out[from + i] = scale.fromScaled(scores[i][0]);
            }
            return;
        }
        List<Example<Regressor>> examples = TribuoExamples.of(encoder, rows, from, to, r -> RegressionFactory.UNKNOWN_REGRESSOR);
        List<Prediction<Regressor>> predictions = call(() -> ((org.tribuo.Model<Regressor>) model).predict(examples));
        for (int i = 0; i < predictions.size(); i++) {
            out[from + i] = scale.fromScaled(predictions.get(i).getOutput().getValues()[0]);
        }
    }

    /** Calls the Tribuo model, one caller at a time unless it is safe to share. */
    private <T> T call(java.util.function.Supplier<T> prediction) {
        if (concurrent) {
            return prediction.get();
        }
        synchronized (model) {
            return prediction.get();
        }
    }

    /** Checks what a file gave, and pins XGBoost's prediction threads, which a booster read from bytes may not keep. */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (id == null || targetColumn == null || task == null || classes == null || encoder == null || model == null
                || fingerprint == null || (task == Task.REGRESSION) != (scale != null)) {
            throw new InvalidObjectException("incomplete model");
        }
        if (model instanceof XGBoostModel<?> boosted) {
            boosted.setNumThreads(GbmProvider.THREADS);
        }
    }

    @Override
    public String toString() {
        return "TribuoModel[" + id + ", " + task.id() + " of '" + targetColumn + "', " + fingerprint.substring(0, 12) + "]";
    }
}
