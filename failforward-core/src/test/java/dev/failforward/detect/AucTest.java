package dev.failforward.detect;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AucTest {

    @Test
    void pairCountingEqualsTheRankSumExactly() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(2000);
            int levels = trial % 3 == 0 ? 3 : trial % 3 == 1 ? 50 : Integer.MAX_VALUE;
            double[] scores = new double[n];
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = levels == Integer.MAX_VALUE ? random.nextGaussian() : random.nextInt(levels) / 7.0;
                if (trial % 5 == 0 && random.nextInt(20) == 0) {
                    scores[i] = -0.0;
                }
                positive[i] = random.nextDouble() < 0.3;
            }
            assertThat(Auc.of(scores, positive)).as("trial %d", trial).isEqualTo(Auc.byRanks(scores, positive));
        }
    }

    @Test
    void knownAreas() {
        assertThat(Auc.of(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {false, false, true, true})).isEqualTo(1.0);
        assertThat(Auc.of(new double[] {0.9, 0.8, 0.2, 0.1}, new boolean[] {false, false, true, true})).isEqualTo(0.0);
        assertThat(Auc.of(new double[] {0.5, 0.5}, new boolean[] {true, false})).isEqualTo(0.5);
        assertThat(Auc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true})).isEqualTo(0.75);
        assertThat(Auc.of(new double[] {0.3, 0.4}, new boolean[] {true, true})).isEqualTo(0.5);
        assertThat(Auc.of(new double[] {Double.NaN, 0.2, 0.9}, new boolean[] {true, false, true}))
                .isEqualTo(Auc.byRanks(new double[] {Double.NaN, 0.2, 0.9}, new boolean[] {true, false, true}));
    }
}
