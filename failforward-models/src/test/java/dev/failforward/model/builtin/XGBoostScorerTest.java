package dev.failforward.model.builtin;

import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Task;
import dev.failforward.scan.ScanData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The direct booster path predicts exactly what Tribuo predicts from its examples. */
class XGBoostScorerTest {

    @ParameterizedTest
    @ValueSource(strings = {"telco_churn.csv:churn", "iris.csv:species", "titanic.csv:survived", "ames_housing.csv:Sale_Price"})
    @SuppressWarnings("unchecked")
    void sameAsTribuoExamples(String fileAndTarget) {
        String[] parts = fileAndTarget.split(":");
        SharedData.Trained trained = SharedData.trained(parts[0], parts[1], GbmProvider.ID);
        TribuoModel model = (TribuoModel) trained.model();
        ScanData data = trained.data();
        Table rows = data.test();
        int n = rows.rowCount();

        Predictions direct = model.predict(rows);

        if (model.target().task() == Task.REGRESSION) {
            List<Example<Regressor>> examples = TribuoExamples.of(model.encoder(), rows, 0, n, r -> RegressionFactory.UNKNOWN_REGRESSOR);
            List<Prediction<Regressor>> viaTribuo = ((org.tribuo.Model<Regressor>) model.tribuoModel()).predict(examples);
            double[] expected = viaTribuo.stream().mapToDouble(p -> model.scale().fromScaled(p.getOutput().getValues()[0])).toArray();
            assertThat(direct.values()).containsExactly(expected);
            return;
        }
        List<Example<Label>> examples = TribuoExamples.of(model.encoder(), rows, 0, n, r -> LabelFactory.UNKNOWN_LABEL);
        List<Prediction<Label>> viaTribuo = ((org.tribuo.Model<Label>) model.tribuoModel()).predict(examples);
        List<String> classes = model.target().classes();
        double[] probabilities = direct.probabilities();
        for (int r = 0; r < n; r++) {
            double sum = 0;
            for (String c : classes) {
                sum += Math.max(0, viaTribuo.get(r).getOutputScores().get(c).getScore());
            }
            for (int c = 0; c < classes.size(); c++) {
                double expected = Math.max(0, viaTribuo.get(r).getOutputScores().get(classes.get(c)).getScore()) / sum;
                assertThat(probabilities[r * classes.size() + c]).as("row %d class %s", r, classes.get(c)).isEqualTo(expected);
            }
        }
    }
}
