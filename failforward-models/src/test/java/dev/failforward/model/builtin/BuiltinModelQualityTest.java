package dev.failforward.model.builtin;

import dev.failforward.metric.Evaluation;
import dev.failforward.metric.Metrics;
import dev.failforward.model.Predictions;
import dev.failforward.scan.ScanData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each built-in model reaches a known level of quality on held-out rows of real data. The floors sit
 * a few points below what the models measured, so a change that breaks training or the label order
 * fails here, while ordinary variation does not.
 */
class BuiltinModelQualityTest {

    @ParameterizedTest(name = "{2} on {0}: {3} >= {4}")
    @CsvSource({
            "telco_churn.csv,  churn,      builtin:gbm,      roc_auc,  0.80",
            "telco_churn.csv,  churn,      builtin:logistic, roc_auc,  0.80",
            "telco_churn.csv,  churn,      builtin:tree,     roc_auc,  0.75",
            "iris.csv,         species,    builtin:gbm,      accuracy, 0.90",
            "iris.csv,         species,    builtin:logistic, accuracy, 0.90",
            "iris.csv,         species,    builtin:tree,     accuracy, 0.90",
            "ames_housing.csv, Sale_Price, builtin:gbm,      r2,       0.85",
            "ames_housing.csv, Sale_Price, builtin:logistic, r2,       0.80",
            "ames_housing.csv, Sale_Price, builtin:tree,     r2,       0.65",
            "credit_data.csv,  Status,     builtin:gbm,      roc_auc,  0.80",
            "credit_data.csv,  Status,     builtin:logistic, roc_auc,  0.80",
            "credit_data.csv,  Status,     builtin:tree,     roc_auc,  0.75",
            "titanic.csv,      survived,   builtin:gbm,      roc_auc,  0.85",
            "titanic.csv,      survived,   builtin:logistic, roc_auc,  0.85",
            "titanic.csv,      survived,   builtin:tree,     roc_auc,  0.85",
    })
    void reachesKnownQualityOnHeldOutRows(String file, String target, String modelId, String metric, double floor) {
        SharedData.Trained trained = SharedData.trained(file, target, modelId);
        ScanData data = trained.data();
        long start = System.nanoTime();
        Predictions p = trained.model().predict(data.test());
        long predictMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(p.rows()).as("one prediction per test row, none dropped").isEqualTo(data.test().rowCount());
        Evaluation evaluation;
        if (data.target().task().isClassification()) {
            assertThat(p.classes()).isEqualTo(data.target().classes());
            for (int i = 0; i < p.rows(); i++) {
                double sum = 0;
                for (int c = 0; c < p.classes().size(); c++) {
                    assertThat(p.probability(i, c)).isBetween(0.0, 1.0);
                    sum += p.probability(i, c);
                }
                assertThat(sum).isCloseTo(1.0, within(1e-9));
            }
            evaluation = Metrics.classification(p, ScanData.labels(data.test(), data.target()));
        } else {
            evaluation = Metrics.regression(p, ScanData.values(data.test(), data.target()));
        }
        double measured = evaluation.metric(metric);
        System.out.printf("%s on %s: %s = %.4f (train %d ms on %d rows, predict %d ms on %d rows)%n", modelId, file, metric,
                measured, trained.trainMillis(), data.train().rowCount(), predictMillis, data.test().rowCount());
        assertThat(measured).isGreaterThanOrEqualTo(floor);
    }
}
