package dev.failforward.model.builtin;

import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.TreeEnsembleSource;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

import java.util.ArrayList;
import java.util.List;

/**
 * A built-in model whose Tribuo model is an XGBoost booster ({@code builtin:gbm}), seen as a tree
 * ensemble so explainers can read its trees. Predictions are the wrapped model's. The booster
 * numbers features in Tribuo's feature-id order (sorted by name), not the encoder's order: the
 * mapping is made here by name. As Tribuo passes rows to XGBoost sparsely, a feature left out of a
 * Tribuo example (missing, or a zero the encoder drops) is missing (NaN) for the booster too.
 */
public final class BoostedTribuoModel implements Model, TreeEnsembleSource {

    private final TribuoModel model;
    private final XGBoostModel<?> booster;
    /** For each booster feature: the encoder's feature index. */
    private final int[] encoderIndex;
    private final List<String> columns;

    private BoostedTribuoModel(TribuoModel model, XGBoostModel<?> booster) {
        this.model = model;
        this.booster = booster;
        FeatureEncoder encoder = model.encoder();
        List<String> columnOfFeature = new ArrayList<>(encoder.width());
        columnOfFeature.add(FeatureEncoder.CONSTANT);
        for (ColumnEncoder c : encoder.columns()) {
            for (int i = 0; i < c.featureNames().size(); i++) {
                columnOfFeature.add(c.column());
            }
        }
        encoderIndex = XGBoostScorer.encoderIndex(encoder, booster.getFeatureIDMap());
        List<String> cols = new ArrayList<>(encoderIndex.length);
        for (int at : encoderIndex) {
            cols.add(columnOfFeature.get(at));
        }
        this.columns = List.copyOf(cols);
    }

    /** The model seen as a tree ensemble, if its Tribuo model is an XGBoost booster. */
    public static java.util.Optional<BoostedTribuoModel> of(Model model) {
        if (model instanceof BoostedTribuoModel b) {
            return java.util.Optional.of(b);
        }
        if (model instanceof TribuoModel t && t.tribuoModel() instanceof XGBoostModel<?> x) {
            return java.util.Optional.of(new BoostedTribuoModel(t, x));
        }
        return java.util.Optional.empty();
    }

    /** The model to explain: the tree-ensemble view of a boosted built-in model, else the model itself. */
    public static Model explainable(Model model) {
        return of(model).<Model>map(b -> b).orElse(model);
    }

    /** The wrapped built-in model. */
    public TribuoModel builtin() {
        return model;
    }

    @Override
    public String id() {
        return model.id();
    }

    @Override
    public Target target() {
        return model.target();
    }

    @Override
    public Predictions predict(Table rows) {
        return model.predict(rows);
    }

    @Override
    public String fingerprint() {
        return model.fingerprint();
    }

    @Override
    public byte[] xgboostJson() {
        try {
            return booster.getInnerModels().get(0).toByteArray("json");
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not write its model as JSON: " + dev.failforward.model.NativeErrors.reason(e.getMessage()), e);
        }
    }

    @Override
    public List<String> featureColumns() {
        return columns;
    }

    @Override
    public double[] encode(Table rows) {
        FeatureEncoder encoder = model.encoder();
        int n = rows.rowCount();
        int width = encoder.width();
        double[] encoded = encoder.encode(rows, 0, n);
        boolean[] keepsZero = encoder.keepsZero();
        int f = encoderIndex.length;
        double[] out = new double[n * f];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < f; i++) {
                int e = encoderIndex[i];
                double v = encoded[r * width + e];
                out[r * f + i] = TribuoExamples.absent(v, keepsZero[e]) ? Double.NaN : v;
            }
        }
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> groupClasses() {
        if (!model.target().task().isClassification()) {
            return List.of();
        }
        ImmutableOutputInfo<Label> info = (ImmutableOutputInfo<Label>) booster.getOutputIDInfo();
        List<String> out = new ArrayList<>(info.size());
        for (int id = 0; id < info.size(); id++) {
            out.add(info.getOutput(id).getLabel());
        }
        return out;
    }

    @Override
    public String toString() {
        return "BoostedTribuoModel[" + model + "]";
    }
}
