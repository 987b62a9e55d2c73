package dev.failforward.model.builtin;

import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Predictions;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.ForkJoinPool;

import static org.assertj.core.api.Assertions.assertThat;

/** The same data and seed give the same model, and predictions do not depend on the number of threads. */
class DeterminismTest {

    @ParameterizedTest
    @ValueSource(strings = {"builtin:gbm", "builtin:logistic", "builtin:tree"})
    void sameSeedGivesIdenticalPredictionsAndFingerprint(String modelId) {
        SharedData.Trained first = SharedData.trained("credit_data.csv", "Status", modelId);
        ScanData data = first.data();
        Model again = ModelProviders.find(modelId).trainer().train(data.train(), data.target(), SharedData.SEED, Progress.NONE);

        assertThat(again.predict(data.test()).probabilities()).isEqualTo(first.model().predict(data.test()).probabilities());
        assertThat(again.fingerprint()).isEqualTo(first.model().fingerprint()).hasSize(64).matches("[0-9a-f]+");
        assertThat(again.id()).isEqualTo(modelId);
    }

    @Test
    void anotherSeedGivesAnotherBoostedModel() {
        SharedData.Trained first = SharedData.trained("credit_data.csv", "Status", "builtin:gbm");
        ScanData data = first.data();
        Model other = ModelProviders.find("builtin:gbm").trainer().train(data.train(), data.target(), SharedData.SEED + 1, Progress.NONE);

        assertThat(other.predict(data.test()).probabilities()).isNotEqualTo(first.model().predict(data.test()).probabilities());
        assertThat(other.fingerprint()).isNotEqualTo(first.model().fingerprint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"builtin:gbm", "builtin:logistic", "builtin:tree"})
    void predictionsDoNotDependOnThreadCount(String modelId) throws Exception {
        SharedData.Trained trained = SharedData.trained("telco_churn.csv", "churn", modelId);
        ScanData data = trained.data();

        Predictions one = inPool(1, () -> trained.model().predict(data.test()));
        Predictions four = inPool(4, () -> trained.model().predict(data.test()));

        assertThat(data.test().rowCount()).isGreaterThan(TribuoModel.BLOCK);
        assertThat(four.probabilities()).isEqualTo(one.probabilities());
    }

    @ParameterizedTest
    @ValueSource(strings = {"telco_churn.csv:churn", "credit_data.csv:Status"})
    void xgboostTrainingThreadsDoNotChangeTheModel(String fileAndTarget) {
        String[] parts = fileAndTarget.split(":");
        ScanData data = SharedData.prepared(parts[0], parts[1]);
        Model one = new GbmProvider(1).trainer().train(data.train(), data.target(), SharedData.SEED, Progress.NONE);
        Model two = new GbmProvider(2).trainer().train(data.train(), data.target(), SharedData.SEED, Progress.NONE);

        assertThat(two.fingerprint()).isEqualTo(one.fingerprint());
        assertThat(two.predict(data.test()).probabilities()).isEqualTo(one.predict(data.test()).probabilities());
    }

    private static Predictions inPool(int threads, java.util.concurrent.Callable<Predictions> work) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(work).get();
        } finally {
            pool.shutdown();
        }
    }
}
