package dev.failforward.model.builtin;

import dev.failforward.data.Table;
import dev.failforward.explain.ExplainRequest;
import dev.failforward.explain.Explanation;
import dev.failforward.explain.Explainers;
import dev.failforward.explain.TreeShapExplainer;
import dev.failforward.explain.tree.TreeShapValues;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.tree.TreeEnsemble;
import dev.failforward.progress.Progress;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The built-in gbm seen as a tree ensemble: the trees read from its booster, with rows encoded in
 * the booster's feature order, give the booster's own margins, and our TreeSHAP equals XGBoost's
 * {@code predictContrib} and adds up to the margin (additivity), for binary, multi-class and
 * regression models on real data with missing values.
 */
class BoostedTribuoModelTest {

    @ParameterizedTest
    @CsvSource({"credit_data.csv, Status", "iris.csv, species", "ames_housing.csv, Sale_Price"})
    void treeShapOfTheBuiltInGbmIsExactAndAdditive(String file, String target) throws Exception {
        SharedData.Trained trained = SharedData.trained(file, target, "builtin:gbm");
        BoostedTribuoModel boosted = BoostedTribuoModel.of(trained.model()).orElseThrow();
        Table rows = trained.data().test();
        int n = Math.min(rows.rowCount(), 300);
        int[] first = new int[n];
        for (int i = 0; i < n; i++) {
            first[i] = i;
        }
        rows = rows.select(first);
        TreeEnsemble ensemble = TreeEnsemble.fromXgboostJson(boosted.xgboostJson());
        double[] x = boosted.encode(rows);
        int features = boosted.featureColumns().size();
        assertThat(ensemble.featureCount()).isEqualTo(features);

        Booster booster = XGBoost.loadModel(new ByteArrayInputStream(boosted.xgboostJson()));
        float[] dense = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            dense[i] = (float) x[i];
        }
        float[][] margins = booster.predict(new DMatrix(dense, n, features, Float.NaN), true);
        float[][] contribs = booster.predictContrib(new DMatrix(dense, n, features, Float.NaN), 0);
        double[] ours = ensemble.margins(x, n);
        double[] shap = TreeShapValues.compute(ensemble, x, n, 2, TreeShapValues.Algorithm.FAST);
        int groups = ensemble.groups();
        for (int r = 0; r < n; r++) {
            for (int g = 0; g < groups; g++) {
                assertThat(ours[r * groups + g]).isCloseTo(margins[r][g], within(1e-4));
            }
            for (int i = 0; i < contribs[r].length; i++) {
                assertThat(shap[r * contribs[r].length + i]).as("row %d value %d", r, i).isCloseTo(contribs[r][i], within(1e-4));
            }
        }

        // The explainer: each row's attributions plus base value give the margin of the explained class.
        Model model = BoostedTribuoModel.explainable(trained.model());
        assertThat(Explainers.choose("auto", model).id()).isEqualTo(TreeShapExplainer.ID);
        Predictions p = model.predict(rows);
        List<String> outputs = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            outputs.add(p.isClassification() ? p.classes().get(p.predictedClass(r)) : null);
        }
        List<Explanation> explained = new TreeShapExplainer().explain(model, new ExplainRequest(rows, outputs, null, 1, 2, Progress.NONE));
        for (int r = 0; r < n; r++) {
            Explanation e = explained.get(r);
            double sum = e.baseValue() + e.attributions().stream().mapToDouble(a -> a.value()).sum();
            assertThat(sum).isCloseTo(e.value(), within(1e-6));
            assertThat(e.fidelity().value()).isLessThan(1e-6);
            assertThat(e.attributions()).allSatisfy(a -> assertThat(boosted.builtin().encoder().inputColumns()
                    .contains(a.feature()) || a.feature().equals(FeatureEncoder.CONSTANT)).isTrue());
            if (p.isClassification()) {
                // The margin explained belongs to the predicted class: the largest after softmax, or positive for binary.
                int k = p.classes().size();
                int group = groups == 1 ? 0 : boosted.groupClasses().indexOf(outputs.get(r));
                double m = ours[r * groups + group];
                if (groups == 1) {
                    assertThat(e.value()).isCloseTo(outputs.get(r).equals(p.classes().get(1)) ? m : -m, within(1e-9));
                } else {
                    double best = Collections.max(java.util.Arrays.stream(ours, r * groups, r * groups + groups).boxed().toList());
                    assertThat(m).isEqualTo(best);
                }
                assertThat(k).isGreaterThanOrEqualTo(2);
            }
        }
        assertThat(explained.stream().mapToDouble(e -> e.attributions().isEmpty() ? 0 : Math.abs(e.attributions().get(0).value())).max().orElseThrow())
                .isGreaterThan(0.01);
    }
}
