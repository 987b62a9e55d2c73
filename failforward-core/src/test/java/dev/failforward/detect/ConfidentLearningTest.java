package dev.failforward.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConfidentLearningTest {

    @Test
    void wrongLabelPosteriorFollowsTheNoiseModel() {
        // Binary, 10 % noise: a given label at probability 0.05 is the flip floor, so certainly wrong.
        assertThat(ConfidentLearning.wrongLabelPosterior(0.05, 2, 0.1)).isCloseTo(1, within(1e-9));
        // (1 − q)·0.1/0.2 with q = (0.2 − 0.1)/0.8 = 0.125: 0.4375.
        assertThat(ConfidentLearning.wrongLabelPosterior(0.2, 2, 0.1)).isCloseTo(0.4375, within(1e-9));
        assertThat(ConfidentLearning.wrongLabelPosterior(0.9, 2, 0.1)).isLessThan(0.01);
        // With more classes a flip lands on any one of them less often: the same probability is less suspect.
        assertThat(ConfidentLearning.wrongLabelPosterior(0.08, 4, 0.1))
                .isLessThan(ConfidentLearning.wrongLabelPosterior(0.08, 2, 0.1));
    }

    @Test
    void aConfidentModelFindsTheFlippedRowsAndAnUnsureOneFlagsNone() {
        int n = 200;
        int[] labels = new int[n];
        double[] sure = new double[2 * n];
        double[] unsure = new double[2 * n];
        java.util.Random random = new java.util.Random(4);
        for (int i = 0; i < n; i++) {
            int truth = i % 2;
            boolean flipped = i % 20 == 0;
            labels[i] = flipped ? 1 - truth : truth;
            double p = 0.98;
            sure[2 * i + truth] = p;
            sure[2 * i + 1 - truth] = 1 - p;
            double u = 0.55 + 0.2 * random.nextDouble();
            unsure[2 * i + truth] = u;
            unsure[2 * i + 1 - truth] = 1 - u;
        }
        ConfidentLearning.Result r = ConfidentLearning.find(sure, labels, 2, 0.1);
        assertThat(r.ranked()).containsExactlyInAnyOrder(0, 20, 40, 60, 80, 100, 120, 140, 160, 180);
        assertThat(r.noiseRate()).isCloseTo(0.05, within(1e-9));
        assertThat(r.noiseLow()).isLessThan(0.05);
        assertThat(r.noiseHigh()).isGreaterThan(0.05);
        // Confident learning alone would call every row the unsure model gets wrong a label error.
        assertThat(ConfidentLearning.find(unsure, labels, 2, 0.1).ranked()).isEmpty();
    }
}
