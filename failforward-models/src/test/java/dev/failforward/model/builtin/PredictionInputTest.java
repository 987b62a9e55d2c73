package dev.failforward.model.builtin;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.DataException;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.metric.Metrics;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.Task;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a model does with rows that differ from its training rows. */
class PredictionInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"builtin:gbm", "builtin:logistic", "builtin:tree"})
    void aMissingFeatureColumnIsNamed(String modelId) {
        SharedData.Trained trained = SharedData.trained("telco_churn.csv", "churn", modelId);
        Table test = trained.data().test();
        List<String> kept = new ArrayList<>(test.columnNames());
        kept.remove("tenure");

        assertThatThrownBy(() -> trained.model().predict(test.project(kept)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("no column 'tenure'")
                .hasMessageContaining(test.source());
    }

    @ParameterizedTest
    @ValueSource(strings = {"builtin:gbm", "builtin:logistic", "builtin:tree"})
    void unseenCategoriesAreScoredAsOther(String modelId) {
        SharedData.Trained trained = SharedData.trained("telco_churn.csv", "churn", modelId);
        Table test = trained.data().test();
        CategoricalColumn payment = (CategoricalColumn) test.column("payment_method");
        List<String> levels = new ArrayList<>(payment.levels());
        levels.add("Cryptocurrency");
        int[] codes = payment.codes().clone();
        for (int r = 0; r < codes.length; r += 3) {
            codes[r] = levels.size() - 1;
        }
        Table shifted = test.replace(new CategoricalColumn("payment_method", payment.type(), levels, codes));

        Predictions p = trained.model().predict(shifted);

        assertThat(p.rows()).isEqualTo(test.rowCount());
        assertThat(java.util.Arrays.stream(p.probabilities()).allMatch(v -> v >= 0 && v <= 1)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"builtin:gbm", "builtin:logistic", "builtin:tree"})
    void columnsAreReadByNameNotPosition(String modelId) {
        SharedData.Trained trained = SharedData.trained("iris.csv", "species", modelId);
        Table test = trained.data().test();
        List<Column> reversed = new ArrayList<>(test.columns());
        java.util.Collections.reverse(reversed);
        reversed.add(new NumericColumn("unrelated", new double[test.rowCount()]));

        Predictions p = trained.model().predict(Table.of("reordered", reversed));

        assertThat(p.probabilities()).isEqualTo(trained.model().predict(test).probabilities());
    }

    @ParameterizedTest
    @ValueSource(strings = {"builtin:gbm", "builtin:logistic", "builtin:tree"})
    void unlabelledRowsCanBeScored(String modelId) {
        SharedData.Trained trained = SharedData.trained("credit_data.csv", "Status", modelId);
        Table test = trained.data().test();
        List<String> inputs = ((TribuoModel) trained.model()).encoder().inputColumns();
        assertThat(inputs).doesNotContain("Status");

        Predictions p = trained.model().predict(test.project(inputs));

        assertThat(p.probabilities()).isEqualTo(trained.model().predict(test).probabilities());
    }

    /**
     * Plants the case that tells native missing-value routing from reading missing as zero: a column
     * that is 0 for good credit and missing for bad. Read as zero it is constant and useless.
     */
    @ParameterizedTest
    @ValueSource(strings = {"builtin:gbm", "builtin:logistic", "builtin:tree"})
    void missingIsNotConfusedWithZero(String modelId) {
        Table credit = SharedData.table("credit_data.csv");
        Column status = credit.column("Status");
        double[] planted = new double[credit.rowCount()];
        for (int r = 0; r < planted.length; r++) {
            planted[r] = "good".equals(status.text(r)) ? 0 : Double.NaN;
        }
        Table table = Table.of("planted", List.of(new NumericColumn("planted", planted), status)).withRole("Status", ColumnRole.TARGET);
        Target target = new Target("Status", Task.BINARY_CLASSIFICATION, List.of("bad", "good"));

        Model model = ModelProviders.find(modelId).trainer().train(table, target, SharedData.SEED, Progress.NONE);
        double auc = Metrics.classification(model.predict(table), ScanData.labels(table, target)).metric("roc_auc");

        assertThat(auc).isEqualTo(1.0);
    }
}
