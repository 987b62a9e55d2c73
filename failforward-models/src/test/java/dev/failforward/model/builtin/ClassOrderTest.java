package dev.failforward.model.builtin;

import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Probabilities come in the target's class order, whatever order Tribuo numbers its labels in:
 * training with the classes listed in another order permutes the probability columns (up to the
 * rounding of normalising them in another order).
 */
class ClassOrderTest {

    @ParameterizedTest
    @ValueSource(strings = {"builtin:gbm", "builtin:logistic", "builtin:tree"})
    void probabilitiesFollowTheTargetsClassOrder(String modelId) {
        ScanData data = SharedData.prepared("iris.csv", "species");
        Target sorted = data.target();
        assertThat(sorted.classes()).containsExactly("setosa", "versicolor", "virginica");
        Target permuted = new Target(sorted.column(), sorted.task(), List.of("virginica", "setosa", "versicolor"));
        int[] fromPermuted = {2, 0, 1};

        Predictions a = SharedData.trained("iris.csv", "species", modelId).model().predict(data.test());
        Model other = ModelProviders.find(modelId).trainer().train(data.train(), permuted, SharedData.SEED, Progress.NONE);
        Predictions b = other.predict(data.test());

        assertThat(b.classes()).isEqualTo(permuted.classes());
        for (int row = 0; row < a.rows(); row++) {
            for (int c = 0; c < 3; c++) {
                assertThat(b.probability(row, c)).isCloseTo(a.probability(row, fromPermuted[c]), within(1e-12));
            }
        }
    }
}
