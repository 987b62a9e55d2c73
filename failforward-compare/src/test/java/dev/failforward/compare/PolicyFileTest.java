package dev.failforward.compare;

import dev.failforward.model.Task;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyFileTest {

    @Test
    void readsEveryRuleKind() {
        Policy p = PolicyFile.parse("""
                roc_auc: {max_drop: 0.01, significance: 0.05}
                slices: {max_drop: 0.05, min_size: 100}
                new_failures: {max: 50}
                flip_rate: {max: 0.1}
                """, "gate.yaml");
        assertThat(p.rules()).containsExactly(new MetricRule("roc_auc", 0.01, 0.05), new SliceRule(0.05, 100, 0.05),
                new NewFailuresRule(50), new FlipRateRule(0.1));
        assertThat(p.sliceMinSize()).isEqualTo(100);
    }

    @Test
    void unknownKeyNamesTheValidKeysAndWhereItIs() {
        assertThatThrownBy(() -> PolicyFile.parse("slices:\n  max_drop: 0.05\n  minsize: 10\n", "gate.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gate.yaml:3:3: unknown key 'minsize' in 'slices'; valid keys: max_drop, min_size, significance");
        assertThatThrownBy(() -> PolicyFile.parse("rocauc: {max_drop: 0.01}\n", "gate.yaml"))
                .hasMessageStartingWith("gate.yaml:1:1: unknown key 'rocauc' in the policy; valid keys: accuracy,")
                .hasMessageContaining("roc_auc").hasMessageContaining("slices, new_failures, flip_rate");
    }

    @Test
    void badValuesAndDuplicatesAreErrors() {
        assertThatThrownBy(() -> PolicyFile.parse("new_failures: {max: many}\n", "g.yaml"))
                .hasMessage("g.yaml:1:21: 'max' must be a number");
        assertThatThrownBy(() -> PolicyFile.parse("slices: {max_drop: 5}\n", "g.yaml"))
                .hasMessageContaining("'max_drop' is a share between 0 and 1");
        assertThatThrownBy(() -> PolicyFile.parse("flip_rate: {}\n", "g.yaml")).hasMessage("g.yaml: 'max' is required");
        assertThatThrownBy(() -> PolicyFile.parse("roc_auc: {}\nroc_auc: {}\n", "g.yaml"))
                .hasMessageContaining("g.yaml:").hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> PolicyFile.parse("", "g.yaml")).hasMessageContaining("the policy is empty");
        assertThatThrownBy(() -> PolicyFile.parse("roc_auc: [1, 2]\n", "g.yaml"))
                .hasMessageStartingWith("g.yaml:1:10: 'roc_auc' must be a mapping");
    }

    @Test
    void defaultPolicyGuardsThePrimaryMetricAndSlices() {
        assertThat(Policy.defaults(Task.BINARY_CLASSIFICATION).rules())
                .containsExactly(new MetricRule("roc_auc", 0, 0.05), new SliceRule(0.05, 100, 0.05));
        assertThat(Policy.defaults(Task.REGRESSION).rules().get(0)).isEqualTo(new MetricRule("rmse", 0, 0.05));
    }
}
