package dev.failforward.model.builtin;

import dev.failforward.model.ModelProvider;
import dev.failforward.model.ModelProviders;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in models are found by id, and training reports its progress. */
class ModelProvidersTest {

    @Test
    void builtInModelsAreRegistered() {
        assertThat(ModelProviders.all()).extracting(ModelProvider::id)
                .contains("builtin:logistic", "builtin:tree", "builtin:gbm");
        assertThat(ModelProviders.all()).allSatisfy(p -> assertThat(p.description()).isNotBlank());
    }

    @Test
    void anUnknownIdListsTheKnownOnes() {
        assertThatThrownBy(() -> ModelProviders.find("builtin:nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("builtin:nope")
                .hasMessageContaining("builtin:gbm, builtin:logistic, builtin:text-minilm-logistic, builtin:tree");
    }

    @ParameterizedTest
    @ValueSource(strings = {"builtin:gbm", "builtin:logistic", "builtin:tree"})
    void trainingReportsProgress(String modelId) {
        ScanData data = SharedData.prepared("iris.csv", "species");
        Recording progress = new Recording();

        ModelProviders.find(modelId).trainer().train(data.train(), data.target(), SharedData.SEED, progress);

        assertThat(progress.events).first().isEqualTo("start Training " + modelId);
        assertThat(progress.events).last().isEqualTo("finish");
        assertThat(progress.advanced).isEqualTo(progress.steps).isPositive();
    }

    private static final class Recording implements Progress {
        final List<String> events = new ArrayList<>();
        long steps;
        long advanced;

        @Override
        public void start(String stage, long steps) {
            events.add("start " + stage);
            this.steps = steps;
        }

        @Override
        public void advance(long steps) {
            events.add("advance");
            advanced += steps;
        }

        @Override
        public void finish() {
            events.add("finish");
        }
    }
}
