package dev.failforward.retrain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetrainStrategiesTest {

    @Test
    void everyStrategyIsRegisteredOnceWithCombinedLast() {
        List<String> ids = RetrainStrategies.all().stream().map(RetrainStrategy::id).toList();
        assertThat(ids).containsExactly("reweight", "augment", "adversarial", "clean", "production", "combined");
        RetrainStrategies.all().forEach(s -> assertThat(s.description()).isNotBlank());
    }

    @Test
    void aListKeepsRegistrationOrderAndAllIsEverything() {
        assertThat(RetrainStrategies.resolve("combined, clean").stream().map(RetrainStrategy::id)).containsExactly("clean", "combined");
        assertThat(RetrainStrategies.resolve("all")).hasSize(RetrainStrategies.all().size());
    }

    @Test
    void anUnknownIdNamesTheKnownOnes() {
        assertThatThrownBy(() -> RetrainStrategies.resolve("clean,upweight"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown retrain strategy 'upweight'")
                .hasMessageContaining("reweight, augment, adversarial, clean, production, combined");
    }
}
