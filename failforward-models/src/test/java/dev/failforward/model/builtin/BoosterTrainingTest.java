package dev.failforward.model.builtin;

import dev.failforward.model.Model;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.common.xgboost.XGBoostModel;

import static org.assertj.core.api.Assertions.assertThat;

/** The booster trained on the encoded rows is the model Tribuo trains from its examples: same bytes, same predictions. */
class BoosterTrainingTest {

    @ParameterizedTest
    @ValueSource(strings = {"telco_churn.csv:churn", "iris.csv:species", "titanic.csv:survived", "credit_data.csv:Status",
            "ames_housing.csv:Sale_Price"})
    void sameModelAsTribuoExamples(String fileAndTarget) {
        String[] parts = fileAndTarget.split(":");
        ScanData data = SharedData.prepared(parts[0], parts[1]);
        GbmProvider recipe = new GbmProvider();

        Model direct = new TribuoTrainer(GbmProvider.ID, recipe, true).train(data.train(), data.target(), SharedData.SEED, Progress.NONE);
        Model viaExamples = new TribuoTrainer(GbmProvider.ID, recipe, false).train(data.train(), data.target(), SharedData.SEED, Progress.NONE);

        assertThat(((TribuoModel) direct).tribuoModel()).isInstanceOf(XGBoostModel.class);
        assertThat(direct.fingerprint()).isEqualTo(viaExamples.fingerprint());
        assertThat(((TribuoModel) direct).tribuoModel().getFeatureIDMap().toString())
                .isEqualTo(((TribuoModel) viaExamples).tribuoModel().getFeatureIDMap().toString());
        assertThat(((TribuoModel) direct).tribuoModel().getOutputIDInfo().toReadableString())
                .isEqualTo(((TribuoModel) viaExamples).tribuoModel().getOutputIDInfo().toReadableString());
        assertThat(direct.predict(data.test()).probabilities()).isEqualTo(viaExamples.predict(data.test()).probabilities());
        assertThat(direct.predict(data.test()).values()).isEqualTo(viaExamples.predict(data.test()).values());
    }
}
